import {
  getMultipartBoundary,
  MaxFileSizeExceededError,
  parseMultipartStream,
} from '@mjackson/multipart-parser'
import { Hono } from 'hono'
import { createDb } from '../db/client'
import type { Upload } from '../db/article-write'
import type { AppEnv } from '../env'
import { requireToken } from '../http/auth'
import { AppError } from '../http/errors'
import { CONTENT_TYPES, formatForFile } from '../http/media-type'
import { ndjsonLines } from '../http/ndjson-lines'
import {
  bodyError,
  configuredLimit,
  maxUploadBytes,
  tooLarge,
  uploadStream,
} from '../http/upload-body'
import { IngestError } from '../ingest'
import { ingestUpload } from './ingest-upload'

/** D1 allows 1,000 queries per invocation on the paid plan; an item costs about four. */
export const DEFAULT_MAX_BULK_ITEMS = 200
export const DEFAULT_MAX_BULK_BYTES = 16 * 1024 * 1024

type ItemResult =
  | { index: number; status: 'created' | 'updated' | 'unchanged'; slug: string; revision: number }
  | { index: number; status: 'failed'; error: { code: string; message: string } }

/** Each item is what one single upload would be, or an error that belongs to that item alone. */
type Item = Upload | AppError

const failure = (index: number, error: { code: string; message: string }): ItemResult => ({
  index,
  status: 'failed',
  error: { code: error.code, message: error.message },
})

async function* ndjsonItems(
  stream: ReadableStream<Uint8Array>,
  maxItem: number,
): AsyncGenerator<Item> {
  for await (const line of ndjsonLines(stream, maxItem)) {
    yield 'tooLong' in line
      ? tooLarge(maxItem, 'The line')
      : { format: 'json', contentType: 'application/json', bytes: line.bytes, meta: {} }
  }
}

async function* multipartItems(
  stream: ReadableStream<Uint8Array>,
  boundary: string,
  maxItem: number,
): AsyncGenerator<Item> {
  try {
    for await (const part of parseMultipartStream(stream, { boundary, maxFileSize: maxItem })) {
      if (!part.isFile) continue
      try {
        const format = formatForFile(part.filename ?? '', part.headers.get('Content-Type') ?? '')
        yield { format, contentType: CONTENT_TYPES[format], bytes: part.bytes, meta: {} }
      } catch (error) {
        yield error instanceof AppError ? error : bodyError(error)
      }
    }
  } catch (error) {
    // A part past the size limit cannot be skipped: the parser stops there.
    yield error instanceof MaxFileSizeExceededError ? tooLarge(maxItem, 'A file') : bodyError(error)
  }
}

export const bulkApi = new Hono<AppEnv>().post('/', requireToken, async (c) => {
  const maxItems = configuredLimit(c.env.MAX_BULK_ITEMS, DEFAULT_MAX_BULK_ITEMS)
  const maxItem = maxUploadBytes(c.env.MAX_UPLOAD_BYTES)
  const contentType = c.req.header('Content-Type') ?? ''
  const stream = uploadStream(
    c.req.raw,
    configuredLimit(c.env.MAX_BULK_BYTES, DEFAULT_MAX_BULK_BYTES),
  )
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase()
  let items: AsyncGenerator<Item>
  if (mediaType === 'application/x-ndjson' || mediaType === 'application/jsonl') {
    items = ndjsonItems(stream, maxItem)
  } else if (mediaType === 'multipart/form-data') {
    const boundary = getMultipartBoundary(contentType)
    if (!boundary)
      throw new AppError(400, 'invalid_request', 'multipart/form-data needs a boundary.')
    items = multipartItems(stream, boundary, maxItem)
  } else {
    throw new AppError(
      415,
      'unsupported_media_type',
      'Bulk uploads are application/x-ndjson (one JSON article a line) or multipart/form-data (files).',
    )
  }

  const db = createDb(c.env.DB)
  const results: ItemResult[] = []
  let index = 0
  try {
    for await (const item of items) {
      if (index >= maxItems) {
        results.push(
          failure(
            index++,
            new AppError(
              413,
              'too_many_items',
              `At most ${maxItems} items per request; send the rest in another request.`,
            ),
          ),
        )
        continue
      }
      if (item instanceof AppError) {
        results.push(failure(index++, item))
        continue
      }
      try {
        const saved = await ingestUpload(db, item)
        results.push({
          index: index++,
          status: saved.status,
          slug: saved.slug,
          revision: saved.revision,
        })
      } catch (error) {
        if (!(error instanceof IngestError || error instanceof AppError)) throw error
        results.push(failure(index++, error))
      }
    }
  } catch (error) {
    // The body itself broke (over the byte limit, corrupt gzip): what was stored stays stored.
    const cause = bodyError(error)
    if (results.length === 0) throw cause
    return c.json({
      items: results,
      summary: summarize(results),
      stopped: { code: cause.code, message: cause.message },
    })
  }
  if (results.length === 0) throw new AppError(422, 'empty_bulk', 'The bulk upload holds no items.')
  return c.json({ items: results, summary: summarize(results) })
})

function summarize(results: ItemResult[]) {
  const summary = { total: results.length, created: 0, updated: 0, unchanged: 0, failed: 0 }
  for (const r of results) summary[r.status]++
  return summary
}
