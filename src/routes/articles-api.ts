import { Hono, type Context } from 'hono'
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
import { parseIfMatch } from '../http/preconditions'
import { articleJson, JSON_TYPE, serveArticleJson } from './article-json'
import { ingestUpload } from './ingest-upload'
import { readUploadBody } from '../http/upload-body'
import { settingsOf } from '../settings'
import { decodeUtf8 } from '../ingest/decode'
import { normalizeUpload } from '../ingest'
import type { Article } from '../model/article'
import { listQuery, slugParam, sourceQuery, uploadQuery, validate } from './validation'

/** The stored article after a write: 201 with its Location when new, else 200. */
async function savedResponse(c: Context<AppEnv>, stored: Article, result: SaveResult) {
  const { body, etag } = await articleJson(stored)
  const headers = { 'Content-Type': JSON_TYPE, 'X-Ingest-Result': result.status, ETag: etag }
  return result.status === 'created'
    ? c.body(body, 201, { ...headers, Location: stored.url })
    : c.body(body, 200, headers)
}

export const articlesApi = new Hono<AppEnv>()
  .post('/', requireToken, validate('query', uploadQuery), async (c) => {
    const format = uploadFormat(c.req.header('Content-Type'))
    const bytes = await readUploadBody(c.req.raw, settingsOf(c.env).maxUploadBytes)
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
    return savedResponse(c, stored, result)
  })
  .get('/', validate('query', listQuery), async (c) => {
    const { limit, cursor } = c.req.valid('query')
    const after = cursor === undefined ? null : decodeCursor(cursor)
    if (cursor !== undefined && !after)
      throw new AppError(400, 'invalid_cursor', 'cursor: not a cursor from this API')
    const page = await listArticles(createDb(c.env.DB), { limit, cursor: after })
    return c.json({ items: page.items, nextCursor: page.next && encodeCursor(page.next) })
  })
  .get('/:slug', validate('param', slugParam), (c) =>
    serveArticleJson(c, c.req.valid('param').slug),
  )
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
    return savedResponse(c, stored, result)
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
