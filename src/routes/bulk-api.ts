import { Hono } from 'hono'
import { storeItems, type BulkItem } from '../articles/bulk'
import { storageOf } from '../http/storage'
import type { AppEnv } from '../env'
import { requireScope } from '../http/auth'
import { multipartBoundary, multipartItems, ndjsonItems } from '../http/bulk-sources'
import { AppError } from '../errors'
import { requireUtf8 } from '../articles/media-type'
import { uploadStream } from '../http/upload-body'
import { json, operation, textBody } from '../http/operation'
import { bulkResult } from '../model/api'
import { settingsOf } from '../settings'

/** Many articles in one request: NDJSON lines or multipart files, each stored on its own. */
export const bulkApi = new Hono<AppEnv>().post(
  '/',
  operation({
    id: 'uploadArticles',
    summary: 'Upload many articles; each is stored on its own',
    description:
      'Items are stored in order, each in its own batch: one item failing is that item’s result. A body that breaks off after some items answers 200 with `stopped`.',
    tag: 'Articles',
    auth: 'bearer',
    scope: 'articles:write',
    body: {
      ...textBody('application/x-ndjson', 'One JSON article (as for POST /api/articles) a line'),
      ...textBody('multipart/form-data', 'Files of any supported type, typed by extension'),
    },
    responses: { 200: { description: 'Each item’s result, in order', content: json(bulkResult) } },
    errors: [400, 401, 413, 415, 422, 429, 503],
  }),
  requireScope('articles:write'),
  async (c) => {
    const contentType = c.req.header('Content-Type') ?? ''
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase()
    const settings = settingsOf(c.env)
    const maxItem = settings.maxUploadBytes
    const stream = () => uploadStream(c.req.raw, settings.maxBulkBytes)
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
    const outcome = await storeItems(storageOf(c), items, settings.maxBulkItems)
    if (outcome.items.length === 0) {
      throw new AppError(422, 'empty_bulk', 'The bulk upload holds no items.')
    }
    return c.json(outcome)
  },
)
