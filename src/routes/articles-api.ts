import { Hono, type Context } from 'hono'
import { listingJson } from '../articles/listings'
import { SITE } from '../articles/collections'
import {
  articleJson,
  articleJsonPage,
  getArticle,
  getArticleSource,
  JSON_TYPE,
  listRevisions,
} from '../articles/read'
import { deleteArticle, renormalize, storeUpload, type SaveResult } from '../articles/write'
import { createDb, type Db } from '../db/client'
import type { AppEnv } from '../env'
import { AppError, notFound } from '../errors'
import { requireToken } from '../http/auth'
import { serveCachedPage } from '../http/cached-page'
import { CONTENT_TYPES, uploadFormat } from '../http/media-type'
import { parseIfMatch } from '../http/preconditions'
import { readUploadBody } from '../http/upload-body'
import { listQuery, slugParam, sourceQuery, uploadQuery, validate } from '../http/validation'
import { settingsOf } from '../settings'

/** The stored article after a write: 201 with its Location when new, else 200. */
async function savedResponse(c: Context<AppEnv>, db: Db, result: SaveResult) {
  const stored = await getArticle(db, result.slug)
  if (!stored)
    throw new AppError(409, 'conflict', 'The article changed while it was stored; retry.')
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
    const contentType = c.req.header('Content-Type') ?? CONTENT_TYPES[format]
    const result = await storeUpload(
      db,
      { format, contentType, bytes, meta },
      parseIfMatch(c.req.header('If-Match')),
    )
    return savedResponse(c, db, result)
  })
  .get('/', validate('query', listQuery), async (c) => {
    const { limit, cursor } = c.req.valid('query')
    return c.json(await listingJson(createDb(c.env.DB), SITE, limit, cursor))
  })
  .get('/:slug', validate('param', slugParam), async (c) => {
    const db = createDb(c.env.DB)
    const response = await serveCachedPage(c, articleJsonPage(db, c.req.valid('param').slug))
    if (!response) throw notFound()
    return response
  })
  .get('/:slug/revisions', validate('param', slugParam), async (c) => {
    const slug = c.req.valid('param').slug
    const items = await listRevisions(createDb(c.env.DB), slug)
    if (!items) throw notFound()
    return c.json({ slug, items })
  })
  .get('/:slug/source', validate('param', slugParam), validate('query', sourceQuery), async (c) => {
    const { slug } = c.req.valid('param')
    const db = createDb(c.env.DB)
    const source = await getArticleSource(db, slug, c.req.valid('query').revision)
    if (!source) throw notFound('article or revision')
    return c.body(source.bytes, 200, {
      'Content-Type': source.contentType || 'application/octet-stream',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Content-SHA256': source.sha256,
    })
  })
  .post('/:slug/renormalize', requireToken, validate('param', slugParam), async (c) => {
    const db = createDb(c.env.DB)
    const slug = c.req.valid('param').slug
    const result = await renormalize(db, slug, parseIfMatch(c.req.header('If-Match')))
    if (!result) throw notFound()
    return savedResponse(c, db, result)
  })
  .delete('/:slug', requireToken, validate('param', slugParam), async (c) => {
    const db = createDb(c.env.DB)
    const slug = c.req.valid('param').slug
    const deleted = await deleteArticle(db, slug, parseIfMatch(c.req.header('If-Match')))
    if (!deleted) throw notFound()
    return c.body(null, 204)
  })
