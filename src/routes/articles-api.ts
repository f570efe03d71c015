import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { SITE } from '../articles/collections'
import { listingJson } from '../articles/listings'
import {
  articleJson,
  articleJsonPage,
  getArticle,
  getArticleSource,
  JSON_TYPE,
  revisionsPage,
} from '../articles/read'
import { sourceStream } from '../articles/storage'
import {
  changePublication,
  deleteArticle,
  renormalize,
  storeUpload,
  type SaveResult,
} from '../articles/write'
import type { Db } from '../db/client'
import type { AppEnv } from '../env'
import { AppError, notFound, tooLarge } from '../errors'
import { requireScope, seesUnpublished } from '../http/auth'
import { dbOf } from '../http/d1-session'
import { storageOf } from '../http/storage'
import { limitRenders } from '../http/rate-limit'
import { matchesEtag, serveCachedPage } from '../http/cached-page'
import { CONTENT_TYPES, uploadFormat } from '../articles/media-type'
import { json, operation, textBody, textOf } from '../http/operation'
import { parseIfMatch } from '../http/preconditions'
import { readUploadBody } from '../http/upload-body'
import {
  jsonBody,
  listQuery,
  slugParam,
  sourceQuery,
  uploadQuery,
  validate,
} from '../http/validation'
import { listing, publicationChange, revisions } from '../model/api'
import { article } from '../model/article'
import { jsonArticle } from '../ingest/json-schema'
import { publicationRequestOf } from '../http/publication'
import { settingsOf } from '../settings'

/** The stored article after a write: 201 with its Location when new, else 200. */
/** The article as stored: read in the write's own batch, else (unchanged, re-normalized) now. */
async function savedResponse(c: Context<AppEnv>, db: Db, result: SaveResult) {
  const stored = result.stored ?? (await getArticle(db, result.slug))
  if (!stored)
    throw new AppError(409, 'conflict', 'The article changed while it was stored; retry.')
  const { body, etag } = await articleJson(stored)
  const headers = { 'Content-Type': JSON_TYPE, 'X-Ingest-Result': result.status, ETag: etag }
  return result.status === 'created'
    ? c.body(body, 201, { ...headers, Location: stored.url })
    : c.body(body, 200, headers)
}

export const articlesApi = new Hono<AppEnv>()
  .post(
    '/',
    operation({
      id: 'uploadArticle',
      summary: 'Upload one article',
      description:
        'The same source URL (or, without one, the same title) updates the article: a new revision, or nothing when it normalizes to what is stored. Send If-Match with the ETag you read to refuse a write that would overwrite someone else’s.',
      tag: 'Articles',
      auth: 'bearer',
      scope: 'articles:write',
      body: {
        ...textBody('text/plain', 'Archive text: a title line, paragraphs split by blank lines'),
        ...json(jsonArticle),
        ...textBody('text/html', 'A whole saved article page'),
        ...textBody('text/markdown', 'Markdown with optional YAML front matter'),
      },
      responses: {
        201: { description: 'Created (Location, ETag)', content: json(article) },
        200: {
          description: 'Updated or unchanged (X-Ingest-Result, ETag)',
          content: json(article),
        },
      },
      errors: [400, 401, 409, 412, 413, 415, 422, 429, 503],
    }),
    requireScope('articles:write'),
    validate('query', uploadQuery),
    async (c) => {
      const format = uploadFormat(c.req.header('Content-Type'))
      const settings = settingsOf(c.env)
      const limit = format === 'html' ? settings.maxHtmlUploadBytes : settings.maxUploadBytes
      const bytes = await readUploadBody(c.req.raw, limit)
      const meta = Object.fromEntries(
        Object.entries(c.req.valid('query')).filter(([, value]) => value !== undefined),
      ) as Record<string, string>
      const storage = storageOf(c)
      const contentType = c.req.header('Content-Type') ?? CONTENT_TYPES[format]
      const result = await storeUpload(
        storage,
        { format, contentType, bytes, meta },
        parseIfMatch(c.req.header('If-Match')),
      )
      return savedResponse(c, storage.db, result)
    },
  )
  .get(
    '/',
    operation({
      id: 'listArticles',
      summary: 'Latest articles, newest first',
      tag: 'Reading',
      responses: { 200: { description: 'A page of summaries', content: json(listing) } },
      errors: [400, 429, 503],
    }),
    validate('query', listQuery),
    limitRenders,
    async (c) => {
      const { limit, cursor } = c.req.valid('query')
      return c.json(await listingJson(dbOf(c), SITE, limit, cursor))
    },
  )
  .get(
    '/:slug',
    operation({
      id: 'getArticle',
      summary: 'One article',
      description:
        'ETag "r<revision>-<hash>": send it back as If-Match on writes, or as If-None-Match here. A draft or scheduled article is a 404 unless the request carries a token or key with articles:write.',
      tag: 'Reading',
      responses: {
        200: { description: 'The article', content: json(article) },
        304: { description: 'Not modified (If-None-Match)' },
      },
      errors: [400, 404, 429, 503],
    }),
    validate('param', slugParam),
    async (c) => {
      const slug = c.req.valid('param').slug
      const response = await serveCachedPage(c, articleJsonPage(slug))
      if (response) return response
      // Not public: an editor reads it past the cache, and no cache keeps the answer.
      const stored = (await seesUnpublished(c)) && (await getArticle(dbOf(c), slug))
      if (!stored) throw notFound()
      const { body, etag } = await articleJson(stored)
      const headers = {
        'Content-Type': JSON_TYPE,
        ETag: etag,
        'Cache-Control': 'private, no-store',
      }
      if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers)
      return c.body(body, 200, headers)
    },
  )
  .patch(
    '/:slug',
    operation({
      id: 'changeStatus',
      summary: 'Publish, unpublish or schedule an article',
      description:
        'A new revision with the same content and the new status, like any write: If-Match, cache invalidation, webhooks (article.updated, and article.published when it goes out). `{"status":"scheduled","publishAt":…}` (or `publishAt` alone) schedules it: the cron publishes it within a minute of that time; a time already past publishes it now.',
      tag: 'Articles',
      auth: 'bearer',
      scope: 'articles:write',
      body: json(publicationChange),
      responses: {
        200: {
          description: 'The article (X-Ingest-Result: updated or unchanged)',
          content: json(article),
        },
      },
      errors: [400, 401, 404, 409, 412, 413, 422, 429, 503],
    }),
    requireScope('articles:write'),
    validate('param', slugParam),
    bodyLimit({
      maxSize: 4096,
      onError: () => {
        throw tooLarge(4096, 'A status change')
      },
    }),
    jsonBody,
    validate('json', publicationChange),
    async (c) => {
      const storage = storageOf(c)
      const { status, publishAt } = c.req.valid('json')
      const request = publicationRequestOf(status, publishAt)
      const slug = c.req.valid('param').slug
      const precondition = parseIfMatch(c.req.header('If-Match'))
      const result = await changePublication(storage, slug, request, precondition)
      if (!result) throw notFound()
      return savedResponse(c, storage.db, result)
    },
  )
  .get(
    '/:slug/revisions',
    operation({
      id: 'listRevisions',
      summary: 'The article’s revisions, newest first, a page at a time',
      tag: 'Reading',
      responses: { 200: { description: 'A page of revisions', content: json(revisions) } },
      errors: [400, 404, 429, 503],
    }),
    validate('param', slugParam),
    validate('query', listQuery),
    limitRenders,
    async (c) => {
      const { limit, cursor } = c.req.valid('query')
      const reader = { unpublished: await seesUnpublished(c) }
      const page = await revisionsPage(dbOf(c), c.req.valid('param').slug, reader, limit, cursor)
      if (!page) throw notFound()
      return c.json(page)
    },
  )
  .get(
    '/:slug/source',
    operation({
      id: 'getSource',
      summary: 'The original upload, byte for byte',
      tag: 'Reading',
      responses: {
        200: {
          description: 'The bytes, with their original Content-Type and X-Content-SHA256',
          content: textOf('application/octet-stream'),
        },
      },
      errors: [400, 404, 429, 503],
    }),
    validate('param', slugParam),
    validate('query', sourceQuery),
    limitRenders,
    async (c) => {
      const { slug } = c.req.valid('param')
      const storage = storageOf(c)
      const reader = { unpublished: await seesUnpublished(c) }
      const revision = c.req.valid('query').revision
      const source = await getArticleSource(storage.db, slug, revision, reader)
      if (!source) throw notFound('article or revision')
      return c.body(await sourceStream(storage, source), 200, {
        'Content-Type': source.contentType || 'application/octet-stream',
        'Content-Length': String(source.byteLength),
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'X-Content-SHA256': source.sha256,
      })
    },
  )
  .post(
    '/:slug/renormalize',
    operation({
      id: 'renormalizeArticle',
      summary: 'Re-read the stored original with the current parsers',
      tag: 'Articles',
      auth: 'bearer',
      scope: 'articles:write',
      responses: {
        200: {
          description: 'The article (X-Ingest-Result: updated or unchanged)',
          content: json(article),
        },
      },
      errors: [400, 401, 404, 409, 412, 422, 429, 503],
    }),
    requireScope('articles:write'),
    validate('param', slugParam),
    async (c) => {
      const storage = storageOf(c)
      const slug = c.req.valid('param').slug
      const result = await renormalize(storage, slug, parseIfMatch(c.req.header('If-Match')))
      if (!result) throw notFound()
      return savedResponse(c, storage.db, result)
    },
  )
  .delete(
    '/:slug',
    operation({
      id: 'deleteArticle',
      summary: 'Delete (its revisions and sources are kept)',
      description: 'An upload without If-Match brings it back, as a new revision.',
      tag: 'Articles',
      auth: 'bearer',
      scope: 'articles:write',
      responses: { 204: { description: 'Deleted' } },
      errors: [400, 401, 404, 409, 412, 429, 503],
    }),
    requireScope('articles:write'),
    validate('param', slugParam),
    async (c) => {
      const slug = c.req.valid('param').slug
      const deleted = await deleteArticle(
        storageOf(c),
        slug,
        parseIfMatch(c.req.header('If-Match')),
      )
      if (!deleted) throw notFound()
      return c.body(null, 204)
    },
  )
