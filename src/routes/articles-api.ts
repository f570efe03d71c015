import { Hono } from 'hono'
import { createDb } from '../db/client'
import { getArticle } from '../db/article-read'
import { listArticles } from '../db/listing-read'
import { markDeleted, saveRenormalized, type SaveResult } from '../db/article-write'
import { decodeCursor, encodeCursor } from '../db/cursor'
import { getRenormalizeTarget, getSource, listRevisions } from '../db/history-read'
import type { AppEnv } from '../env'
import { requireToken } from '../http/auth'
import { AppError, notFound } from '../http/errors'
import { CONTENT_TYPES, uploadFormat } from '../http/media-type'
import { parseIfMatch, revisionEtag } from '../http/preconditions'
import { ingestUpload } from './ingest-upload'
import { maxUploadBytes, readUploadBody } from '../http/upload-body'
import { decodeUtf8 } from '../ingest/decode'
import { normalizeUpload } from '../ingest'
import { listQuery, slugParam, sourceQuery, uploadQuery, validate } from './validation'

const resultHeaders = (result: SaveResult) => ({
  'X-Ingest-Result': result.status,
  ETag: revisionEtag(result.revision),
})

export const articlesApi = new Hono<AppEnv>()
  .post('/', requireToken, validate('query', uploadQuery), async (c) => {
    const format = uploadFormat(c.req.header('Content-Type'))
    const bytes = await readUploadBody(c.req.raw, maxUploadBytes(c.env.MAX_UPLOAD_BYTES))
    const meta = Object.fromEntries(
      Object.entries(c.req.valid('query')).filter(([, value]) => value !== undefined),
    ) as Record<string, string>
    const db = createDb(c.env.DB)
    const precondition = parseIfMatch(c.req.header('If-Match'))
    const result = await ingestUpload(
      db,
      { format, contentType: c.req.header('Content-Type') ?? CONTENT_TYPES[format], bytes, meta },
      precondition,
    )
    const stored = await getArticle(db, result.slug)
    if (!stored)
      throw new AppError(409, 'conflict', 'The article changed while it was stored; retry.')
    if (result.status === 'created') {
      return c.json(stored, 201, { ...resultHeaders(result), Location: stored.url })
    }
    return c.json(stored, 200, resultHeaders(result))
  })
  .get('/', validate('query', listQuery), async (c) => {
    const { limit, cursor } = c.req.valid('query')
    const after = cursor === undefined ? null : decodeCursor(cursor)
    if (cursor !== undefined && !after)
      throw new AppError(400, 'invalid_cursor', 'cursor: not a cursor from this API')
    const page = await listArticles(createDb(c.env.DB), { limit, cursor: after })
    return c.json({ items: page.items, nextCursor: page.next && encodeCursor(page.next) })
  })
  .get('/:slug', validate('param', slugParam), async (c) => {
    const article = await getArticle(createDb(c.env.DB), c.req.valid('param').slug)
    if (!article) throw notFound()
    return c.json(article, 200, { ETag: revisionEtag(article.revision) })
  })
  .get('/:slug/revisions', validate('param', slugParam), async (c) => {
    const slug = c.req.valid('param').slug
    const items = await listRevisions(createDb(c.env.DB), slug)
    if (!items) throw notFound()
    return c.json({ slug, items })
  })
  .get('/:slug/source', validate('param', slugParam), validate('query', sourceQuery), async (c) => {
    const { slug } = c.req.valid('param')
    const source = await getSource(createDb(c.env.DB), slug, c.req.valid('query').revision)
    if (!source) throw notFound('article or revision')
    return c.body(source.bytes, 200, {
      'Content-Type': source.contentType || 'application/octet-stream',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Content-SHA256': source.sha256,
    })
  })
  .post('/:slug/renormalize', requireToken, validate('param', slugParam), async (c) => {
    const db = createDb(c.env.DB)
    const target = await getRenormalizeTarget(db, c.req.valid('param').slug)
    if (!target) throw notFound()
    const { article, source } = target
    const normalized = normalizeUpload(
      { format: source.format, text: decodeUtf8(source.bytes) },
      source.meta,
    )
    const result = await saveRenormalized(
      db,
      article,
      normalized,
      parseIfMatch(c.req.header('If-Match')),
    )
    const stored = await getArticle(db, result.slug)
    if (!stored) throw notFound()
    return c.json(stored, 200, resultHeaders(result))
  })
  .delete('/:slug', requireToken, validate('param', slugParam), async (c) => {
    const deleted = await markDeleted(
      createDb(c.env.DB),
      c.req.valid('param').slug,
      parseIfMatch(c.req.header('If-Match')),
    )
    if (!deleted) throw notFound()
    return c.body(null, 204)
  })
