import { Hono } from 'hono'
import { createDb } from '../db/client'
import type { AppEnv } from '../env'
import { requireToken } from '../http/auth'
import { multipartBoundary, multipartItems, ndjsonItems, type BulkItem } from '../http/bulk-sources'
import { AppError } from '../http/errors'
import { requireUtf8 } from '../http/media-type'
import { configuredLimit, maxUploadBytes, uploadStream } from '../http/upload-body'
import { DEFAULT_MAX_BULK_BYTES, DEFAULT_MAX_BULK_ITEMS, ingestItems } from './bulk-ingest'

/** Many articles in one request: NDJSON lines or multipart files, each stored on its own. */
export const bulkApi = new Hono<AppEnv>().post('/', requireToken, async (c) => {
  const contentType = c.req.header('Content-Type') ?? ''
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase()
  const maxItem = maxUploadBytes(c.env.MAX_UPLOAD_BYTES)
  const stream = () =>
    uploadStream(c.req.raw, configuredLimit(c.env.MAX_BULK_BYTES, DEFAULT_MAX_BULK_BYTES))
  let items: AsyncIterable<BulkItem>
  if (mediaType === 'application/x-ndjson' || mediaType === 'application/jsonl') {
    requireUtf8(contentType)
    items = ndjsonItems(stream(), maxItem)
  } else if (mediaType === 'multipart/form-data') {
    requireUtf8(contentType)
    items = multipartItems(stream(), multipartBoundary(contentType), maxItem)
  } else {
    throw new AppError(
      415,
      'unsupported_media_type',
      'Bulk uploads are application/x-ndjson (one JSON article a line) or multipart/form-data (files).',
    )
  }
  const outcome = await ingestItems(
    createDb(c.env.DB),
    items,
    configuredLimit(c.env.MAX_BULK_ITEMS, DEFAULT_MAX_BULK_ITEMS),
  )
  if (outcome.items.length === 0) {
    throw new AppError(422, 'empty_bulk', 'The bulk upload holds no items.')
  }
  return c.json(outcome)
})
