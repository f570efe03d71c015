import { getMultipartBoundary } from '@mjackson/multipart-parser'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireUtf8 } from '../articles/media-type'
import type { AppEnv } from '../env'
import { AppError, notFound } from '../errors'
import { requireScope } from '../http/auth'
import { importsOf } from '../imports/context'
import { createImport, importJob, listImportItems, listImports, retryImport } from '../imports/jobs'
import { json, operation, textBody } from '../http/operation'
import { uploadStream } from '../http/upload-body'
import { listQuery, validate } from '../http/validation'
import {
  ITEM_STATUSES,
  importItems,
  importJob as jobSchema,
  importJobs,
  type ImportFormat,
} from '../model/imports'

// Maps, not object literals: a name from a request must never find something an object inherits.
const FORMATS = new Map<string, ImportFormat>([
  ['application/x-ndjson', 'ndjson'],
  ['application/jsonl', 'ndjson'],
  ['multipart/form-data', 'multipart'],
  ['application/xml', 'wxr'],
  ['text/xml', 'wxr'],
  ['application/rss+xml', 'wxr'],
  ['application/json', 'ghost'],
])

/** The format of an import from its Content-Type; 415 naming those accepted for anything else. */
function importFormat(contentType: string): ImportFormat {
  const type = contentType.split(';')[0]!.trim().toLowerCase()
  const format = FORMATS.get(type)
  if (!format) {
    throw new AppError(
      415,
      'unsupported_media_type',
      `Imports are application/x-ndjson or application/jsonl (one JSON article a line), multipart/form-data (files), a WordPress export (application/xml, text/xml or application/rss+xml) or a Ghost export (application/json); not "${type || '(none)'}".`,
    )
  }
  requireUtf8(contentType)
  if (format === 'multipart' && !getMultipartBoundary(contentType)) {
    throw new AppError(400, 'invalid_request', 'multipart/form-data needs a boundary.')
  }
  return format
}

const idParam = z.object({ id: z.string().regex(/^[0-9a-z]{10,40}$/) })
const itemsQuery = listQuery.extend({
  status: z.enum(ITEM_STATUSES).optional().describe('Only items with this outcome'),
})

/**
 * Import jobs: an archive of any size the platform accepts in one request, stored in R2 and
 * imported through the queue. Every route needs the token: a job's items name what it stored.
 */
export const importsApi = new Hono<AppEnv>()
  .use(requireScope('imports'))
  .post(
    '/',
    operation({
      id: 'createImport',
      summary: 'Import an archive as a job',
      description:
        'The body is streamed into storage and answered at once with 202 and the job at Location; the articles are stored by the queue, each item on its own (one failing fails alone, with its line, file or guid). The same archive imported again stores nothing new.',
      tag: 'Imports',
      auth: 'bearer',
      scope: 'imports',
      body: {
        ...textBody('application/x-ndjson', 'One JSON article (as for POST /api/articles) a line'),
        ...textBody('multipart/form-data', 'Files of any supported type, typed by extension'),
        ...textBody('application/xml', 'A WordPress export (WXR): published posts become articles'),
        ...textBody('application/json', 'A Ghost export (db[0].data.posts): published posts'),
      },
      responses: {
        202: {
          description: 'Accepted: the job, also at Location',
          content: json(jobSchema),
        },
      },
      errors: [400, 401, 413, 415, 422, 429, 503],
    }),
    async (c) => {
      const contentType = c.req.header('Content-Type') ?? ''
      const format = importFormat(contentType)
      const imports = importsOf(c.env)
      const body = uploadStream(c.req.raw, imports.limits.maxImportBytes)
      const job = await createImport(imports, { format, contentType, body })
      return c.json(job, 202, { Location: job.links.self })
    },
  )
  .get(
    '/',
    operation({
      id: 'listImports',
      summary: 'Import jobs, newest first, a page at a time',
      tag: 'Imports',
      auth: 'bearer',
      scope: 'imports',
      responses: { 200: { description: 'A page of jobs', content: json(importJobs) } },
      errors: [400, 401, 503],
    }),
    validate('query', listQuery),
    async (c) => {
      const { limit, cursor } = c.req.valid('query')
      return c.json(await listImports(importsOf(c.env), limit, cursor ?? null))
    },
  )
  .get(
    '/:id',
    operation({
      id: 'getImport',
      summary: 'A job’s status and counts',
      description: 'When the job has ended, created + updated + unchanged + failed = total.',
      tag: 'Imports',
      auth: 'bearer',
      scope: 'imports',
      responses: { 200: { description: 'The job', content: json(jobSchema) } },
      errors: [401, 404, 503],
    }),
    validate('param', idParam),
    async (c) => {
      const job = await importJob(importsOf(c.env), c.req.valid('param').id)
      if (!job) throw notFound('import')
      return c.json(job)
    },
  )
  .get(
    '/:id/items',
    operation({
      id: 'listImportItems',
      summary: 'A job’s items with their outcomes, in archive order',
      description:
        '`?status=failed` lists the failures, each with its line (NDJSON), file (multipart) or guid (WordPress, Ghost) and its reason.',
      tag: 'Imports',
      auth: 'bearer',
      scope: 'imports',
      responses: { 200: { description: 'A page of items', content: json(importItems) } },
      errors: [400, 401, 404, 503],
    }),
    validate('param', idParam),
    validate('query', itemsQuery),
    async (c) => {
      const { limit, cursor, status } = c.req.valid('query')
      const page = await listImportItems(
        importsOf(c.env),
        c.req.valid('param').id,
        status ?? null,
        limit,
        cursor ?? null,
      )
      return c.json(page)
    },
  )
  .post(
    '/:id/retry',
    operation({
      id: 'retryImport',
      summary: 'Try again what failed for a reason not the items’ own',
      description:
        'Items that failed because storage failed (retryable: true) are stored again, and a job whose archive could not be read on reads on from where it stopped. Items that failed for their own reasons stay failed.',
      tag: 'Imports',
      auth: 'bearer',
      scope: 'imports',
      responses: { 202: { description: 'The job, running again', content: json(jobSchema) } },
      errors: [401, 404, 409, 429, 503],
    }),
    validate('param', idParam),
    async (c) => {
      const job = await retryImport(importsOf(c.env), c.req.valid('param').id)
      return c.json(job, 202, { Location: job.links.self })
    },
  )
