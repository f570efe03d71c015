import { Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { storeItems, type BulkItem } from '../articles/bulk'
import { storageOf } from '../http/storage'
import type { AppEnv } from '../env'
import { missingScope } from '../http/auth'
import { checkSecret, mayDo } from '../keys/keys'
import type { Bindings } from '../env'
import { multipartBoundary, multipartParts } from '../http/bulk-sources'
import { AppError } from '../errors'
import { CONTENT_TYPES, formatNamed } from '../articles/media-type'
import { uploadStream } from '../http/upload-body'
import { operation, textOf } from '../http/operation'
import { settingsOf, siteOf } from '../settings'
import { UPLOAD_FORMATS, type SourceFormat } from '../model/article'
import { renderUploadPage } from '../views/upload-page'

const unauthorized = () =>
  new AppError(401, 'unauthorized', 'The ingest token is missing or not valid.', {
    'WWW-Authenticate': 'Bearer realm="articles"',
  })

export const uploadPage = new Hono<AppEnv>()
  .get(
    '/',
    operation({
      id: 'uploadForm',
      summary: 'The upload form (works without JavaScript)',
      tag: 'Pages',
      responses: { 200: { description: 'The form', content: textOf('text/html') } },
    }),
    (c) => c.html(renderUploadPage(siteOf(c.env))),
  )
  .post(
    '/',
    operation({
      id: 'uploadFromForm',
      summary: 'Upload from the form',
      description:
        'The token is a field of the form (it comes first, so no file is stored before it is checked). Every answer is the form again: with a table of results, or with the error.',
      tag: 'Pages',
      auth: 'form',
      scope: 'articles:write',
      body: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: {
              token: {
                type: 'string',
                description: 'INGEST_TOKEN, or an API key with articles:write',
              },
              file: { type: 'array', items: { type: 'string', format: 'binary' } },
              format: { type: 'string', enum: [...UPLOAD_FORMATS] },
              text: { type: 'string', description: 'An article pasted in' },
            },
            required: ['token'],
          },
        },
      },
      responses: {
        200: { description: 'The form with each file’s result', content: textOf('text/html') },
        ...Object.fromEntries(
          [400, 401, 403, 413, 415, 422, 429, 503].map((status) => [
            status,
            { description: 'The form with the error', content: textOf('text/html') },
          ]),
        ),
      },
    }),
    async (c) => {
      const site = siteOf(c.env)
      const expected = c.env.INGEST_TOKEN
      try {
        if (!expected)
          throw new AppError(503, 'not_configured', 'Writes are disabled: INGEST_TOKEN is not set.')
        const contentType = c.req.header('Content-Type') ?? ''
        if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
          throw new AppError(
            415,
            'unsupported_media_type',
            'The upload form posts multipart/form-data (the token and files in the form); to send an article by itself, use POST /api/articles.',
          )
        }
        const settings = settingsOf(c.env)
        const parts = multipartParts(
          uploadStream(c.req.raw, settings.maxBulkBytes),
          multipartBoundary(contentType),
          settings.maxUploadBytes,
        )
        const outcome = await storeItems(
          storageOf(c),
          authorizedItems(parts, c.env),
          settings.maxBulkItems,
        )
        if (outcome.items.length === 0) {
          throw new AppError(422, 'empty_bulk', 'Choose at least one file or paste an article.')
        }
        const rows = outcome.items.map((item) => ({
          name: item.name ?? `item ${item.index + 1}`,
          status: item.status,
          ...(item.status === 'failed' ? { message: item.error.message } : { url: item.url }),
        }))
        return c.html(renderUploadPage(site, { results: rows }))
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        return c.html(
          renderUploadPage(site, { error: error.message }),
          error.status as ContentfulStatusCode,
          error.headers,
        )
      }
    },
  )

/**
 * The form's parts as bulk items. The token field comes first in the form, so it is checked
 * before any file is stored; pasted text becomes one item in the chosen format.
 */
async function* authorizedItems(
  parts: ReturnType<typeof multipartParts>,
  env: Bindings,
): AsyncGenerator<BulkItem> {
  let authorized = false
  let format: SourceFormat = 'text'
  for await (const part of parts) {
    if ('field' in part) {
      if (part.field === 'token') {
        const checked = await checkSecret(env, part.value.trim())
        if (checked && !mayDo(checked.principal, 'articles:write'))
          throw missingScope('articles:write')
        authorized = checked !== null
        await checked?.touch?.()
      } else if (part.field === 'format') format = formatNamed(part.value) ?? format
      else if (part.field === 'text' && part.value.trim() !== '') {
        if (!authorized) throw unauthorized()
        const bytes = new TextEncoder().encode(part.value)
        yield {
          name: 'pasted text',
          upload: { format, contentType: CONTENT_TYPES[format], bytes, meta: {} },
        }
      }
      continue
    }
    // A file input left empty still sends a part, with no name and no bytes.
    if (part.name === '' && !(part.upload instanceof AppError) && part.upload.bytes.length === 0)
      continue
    if (!authorized) throw unauthorized()
    yield part
  }
  if (!authorized) throw unauthorized()
}
