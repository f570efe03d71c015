import { z } from 'zod'
import { jsonArticle } from '../ingest/json-schema'
import * as responses from './response-schemas'
import {
  listQuery,
  pageQuery,
  searchQuery,
  slugParam,
  sourceQuery,
  uploadQuery,
} from '../http/validation'

type Schema = z.ZodType
type Method = 'get' | 'post' | 'delete'

interface Operation {
  method: Method
  path: string
  summary: string
  tag: 'Articles' | 'Reading' | 'Pages' | 'Site'
  auth?: boolean
  params?: z.ZodObject
  query?: z.ZodObject
  /** Request bodies by media type: a schema, or a description of a non-JSON body. */
  body?: Record<string, Schema | string>
  /** Responses by status: description, and a schema (JSON) or media type (anything else). */
  responses: Record<number, { description: string; json?: Schema; type?: string }>
}

const slug = slugParam
const month = z.object({
  year: z.string().regex(/^\d{4}$/),
  month: z.string().regex(/^(0[1-9]|1[0-2])$/),
})
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { description: ERRORS[s]!, json: responses.errorResponse }]),
  )
const ERRORS: Record<number, string> = {
  400: 'Malformed input',
  401: 'No or wrong bearer token',
  404: 'Not found',
  409: 'Lost a write race; retry',
  412: 'If-Match names a revision that is no longer current',
  413: 'Over the upload limit',
  415: 'Unsupported media type, charset or encoding',
  422: 'Parsed, but not an article',
}
const html = (description: string) => ({ 200: { description, type: 'text/html' } })
/** The upload form answers its errors as the form again, with the message. */
const formErrors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: `${ERRORS[s]!} (the form, with the message)`, type: 'text/html' },
    ]),
  )
const UPLOAD_BODY = {
  'text/plain': 'Archive text: title line, blank-line-separated paragraphs, optional byline',
  'application/json': jsonArticle,
  'text/html': 'A whole saved article page',
  'text/markdown': 'Markdown with optional YAML front matter',
}

export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness, touching no storage',
    tag: 'Site',
    responses: { 200: { description: 'ok', type: 'text/plain' } },
  },
  {
    method: 'post',
    path: '/api/articles',
    summary: 'Upload one article',
    tag: 'Articles',
    auth: true,
    query: uploadQuery,
    body: UPLOAD_BODY,
    responses: {
      201: { description: 'Created (Location header)', json: responses.article },
      200: { description: 'Updated or unchanged (X-Ingest-Result)', json: responses.article },
      ...errors(400, 401, 409, 412, 413, 415, 422),
    },
  },
  {
    method: 'post',
    path: '/api/articles/bulk',
    summary: 'Upload many articles; each is stored on its own',
    tag: 'Articles',
    auth: true,
    body: {
      'application/x-ndjson': 'One JSON article (as for POST /api/articles) per line',
      'multipart/form-data': 'Files of any supported type, typed by extension',
    },
    responses: {
      200: { description: 'Per-item results, in order', json: responses.bulkResult },
      ...errors(400, 401, 413, 415, 422),
    },
  },
  {
    method: 'get',
    path: '/api/articles',
    summary: 'Latest articles, newest first',
    tag: 'Reading',
    query: listQuery,
    responses: { 200: { description: 'A page', json: responses.listing }, ...errors(400) },
  },
  {
    method: 'get',
    path: '/api/articles/{slug}',
    summary: 'One article (ETag "r<revision>-<hash>": If-Match on writes, If-None-Match here)',
    tag: 'Reading',
    params: slug,
    responses: {
      200: { description: 'The article', json: responses.article },
      304: { description: 'Not modified (If-None-Match)' },
      ...errors(404),
    },
  },
  {
    method: 'get',
    path: '/api/articles/{slug}/revisions',
    summary: 'Every revision, newest first',
    tag: 'Reading',
    params: slug,
    responses: { 200: { description: 'Revisions', json: responses.revisions }, ...errors(404) },
  },
  {
    method: 'get',
    path: '/api/articles/{slug}/source',
    summary: 'The original upload, byte for byte',
    tag: 'Reading',
    params: slug,
    query: sourceQuery,
    responses: {
      200: {
        description: 'The bytes, with their original Content-Type',
        type: 'application/octet-stream',
      },
      ...errors(400, 404),
    },
  },
  {
    method: 'post',
    path: '/api/articles/{slug}/renormalize',
    summary: 'Re-parse the stored original with the current parser',
    tag: 'Articles',
    auth: true,
    params: slug,
    responses: {
      200: {
        description: 'The article (X-Ingest-Result: updated or unchanged)',
        json: responses.article,
      },
      ...errors(400, 401, 404, 409, 412),
    },
  },
  {
    method: 'delete',
    path: '/api/articles/{slug}',
    summary: 'Delete (revisions and sources are kept)',
    tag: 'Articles',
    auth: true,
    params: slug,
    responses: { 204: { description: 'Deleted' }, ...errors(400, 401, 404, 412) },
  },
  {
    method: 'get',
    path: '/api/search',
    summary: 'Full-text search',
    tag: 'Reading',
    query: searchQuery,
    responses: {
      200: { description: 'Best matches first', json: responses.searchResults },
      ...errors(400),
    },
  },
  {
    method: 'get',
    path: '/api/authors/{slug}',
    summary: "An author's articles",
    tag: 'Reading',
    params: slug,
    query: listQuery,
    responses: { 200: { description: 'A page', json: responses.listing }, ...errors(400, 404) },
  },
  {
    method: 'get',
    path: '/api/tags/{slug}',
    summary: "A tag's articles",
    tag: 'Reading',
    params: slug,
    query: listQuery,
    responses: { 200: { description: 'A page', json: responses.listing }, ...errors(400, 404) },
  },
  {
    method: 'get',
    path: '/api/archive/{year}/{month}',
    summary: "A month's articles",
    tag: 'Reading',
    params: month,
    query: listQuery,
    responses: { 200: { description: 'A page', json: responses.listing }, ...errors(400, 404) },
  },
  {
    method: 'get',
    path: '/articles/{slug}',
    summary: 'The article page (JSON with Accept: application/json)',
    tag: 'Pages',
    params: slug,
    responses: {
      200: { description: 'HTML, or the article JSON', type: 'text/html' },
      304: { description: 'Not modified (If-None-Match)' },
      ...errors(404),
    },
  },
  {
    method: 'get',
    path: '/',
    summary: 'Latest articles (JSON with Accept: application/json)',
    tag: 'Pages',
    query: pageQuery,
    responses: { ...html('The front page'), ...errors(400) },
  },
  {
    method: 'get',
    path: '/authors/{slug}',
    summary: "An author's page",
    tag: 'Pages',
    params: slug,
    query: pageQuery,
    responses: { ...html('Listing'), ...errors(400, 404) },
  },
  {
    method: 'get',
    path: '/tags/{slug}',
    summary: "A tag's page",
    tag: 'Pages',
    params: slug,
    query: pageQuery,
    responses: { ...html('Listing'), ...errors(400, 404) },
  },
  {
    method: 'get',
    path: '/archive/{year}/{month}',
    summary: "A month's page",
    tag: 'Pages',
    params: month,
    query: pageQuery,
    responses: { ...html('Listing'), ...errors(400, 404) },
  },
  {
    method: 'get',
    path: '/search',
    summary: 'The search page',
    tag: 'Pages',
    query: searchQuery,
    responses: { ...html('Results'), ...errors(400) },
  },
  {
    method: 'get',
    path: '/upload',
    summary: 'The upload form (no JavaScript needed)',
    tag: 'Pages',
    responses: html('The form'),
  },
  {
    method: 'post',
    path: '/upload',
    summary: 'Upload from the form (token in the form)',
    tag: 'Pages',
    auth: true,
    body: { 'multipart/form-data': 'token, files, format, text' },
    responses: {
      ...html('Results table'),
      401: { description: 'Missing or wrong token', type: 'text/html' },
      ...formErrors(400, 413, 415, 422),
    },
  },
  ...(['', '/authors/{slug}', '/tags/{slug}'] as const).flatMap((base) => [
    {
      method: 'get' as const,
      path: `${base}/feed.xml`,
      summary: `Atom feed${base ? ` of ${base.split('/')[1]}` : ' of the site'}`,
      tag: 'Site' as const,
      ...(base ? { params: slug } : {}),
      responses: {
        200: { description: 'Atom 1.0', type: 'application/atom+xml' },
        ...(base ? errors(404) : {}),
      },
    },
    {
      method: 'get' as const,
      path: `${base}/feed.json`,
      summary: `JSON Feed 1.1${base ? ` of ${base.split('/')[1]}` : ' of the site'}`,
      tag: 'Site' as const,
      ...(base ? { params: slug } : {}),
      responses: {
        200: { description: 'JSON Feed 1.1', type: 'application/feed+json' },
        ...(base ? errors(404) : {}),
      },
    },
  ]),
  {
    method: 'get',
    path: '/sitemap.xml',
    summary: 'Sitemap (an index past 50,000 articles)',
    tag: 'Site',
    responses: { 200: { description: 'sitemaps.org 0.9', type: 'application/xml' } },
  },
  {
    method: 'get',
    path: '/sitemaps/{file}',
    summary: 'One page of a split sitemap (`1.xml`, `2.xml`, …)',
    tag: 'Site',
    params: z.object({ file: z.string().regex(/^\d+\.xml$/) }),
    responses: {
      200: { description: 'sitemaps.org 0.9', type: 'application/xml' },
      ...errors(404),
    },
  },
  {
    method: 'get',
    path: '/robots.txt',
    summary: 'Crawler rules',
    tag: 'Site',
    responses: { 200: { description: 'robots.txt', type: 'text/plain' } },
  },
  {
    method: 'get',
    path: '/favicon.ico',
    summary: 'The site icon (SVG)',
    tag: 'Site',
    responses: { 200: { description: 'The icon the pages embed', type: 'image/svg+xml' } },
  },
  {
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    tag: 'Site',
    responses: { 200: { description: 'OpenAPI 3.1', type: 'application/json' } },
  },
  {
    method: 'get',
    path: '/docs',
    summary: 'This document, readable',
    tag: 'Site',
    responses: html('API reference'),
  },
]

const jsonSchema = (schema: Schema) => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>
  return rest
}

function parameters(where: 'path' | 'query', object: z.ZodObject | undefined) {
  if (!object) return []
  return Object.entries(object.shape).map(([name, field]) => ({
    name,
    in: where,
    required: where === 'path' || !(field as Schema).safeParse(undefined).success,
    schema: jsonSchema(field as Schema),
    ...((field as Schema).description ? { description: (field as Schema).description } : {}),
  }))
}

/** The OpenAPI 3.1 document, from the same zod schemas the routes validate with. */
export function openApiDocument(origin: string) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of OPERATIONS) {
    paths[op.path] ??= {}
    paths[op.path]![op.method] = {
      summary: op.summary,
      tags: [op.tag],
      ...(op.auth ? { security: [{ bearer: [] }] } : {}),
      parameters: [...parameters('path', op.params), ...parameters('query', op.query)],
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(
                Object.entries(op.body).map(([type, body]) => [
                  type,
                  typeof body === 'string'
                    ? { schema: { type: 'string', description: body } }
                    : { schema: jsonSchema(body) },
                ]),
              ),
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(op.responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(r.json
              ? { content: { 'application/json': { schema: jsonSchema(r.json) } } }
              : r.type
                ? { content: { [r.type]: { schema: { type: 'string' } } } }
                : {}),
          },
        ]),
      ),
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Edge Articles',
      version: '1.0.0',
      description: 'Upload archived news articles; read them as HTML and JSON at the edge.',
    },
    servers: [{ url: origin }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'INGEST_TOKEN' } },
    },
    paths,
  }
}
