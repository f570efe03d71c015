import { Hono, type Context } from 'hono'
import { accepts } from 'hono/accepts'
import { createMiddleware } from 'hono/factory'
import { z } from 'zod'
import { articleJson, getArticle, JSON_TYPE } from '../articles/read'
import { readDiff, readRevision } from '../articles/revisions'
import { restoreRevision } from '../articles/write'
import type { AppEnv } from '../env'
import { AppError, notFound } from '../errors'
import { requireScope, seesUnpublished } from '../http/auth'
import { HTML } from '../http/cached-page'
import { dbOf } from '../http/d1-session'
import { json, operation, textOf } from '../http/operation'
import { parseIfMatch } from '../http/preconditions'
import { limitRenders } from '../http/rate-limit'
import { storageOf } from '../http/storage'
import { slugParam, validate } from '../http/validation'
import { article } from '../model/article'
import { revisionArticle, revisionDiff } from '../model/revisions'
import { siteOf } from '../settings'
import { renderRevisionDiff } from '../views/revision-diff'

const revisionNumber = z.coerce.number().int().min(1).max(1_000_000_000)

const revisionParam = slugParam.extend({ n: revisionNumber })

const diffQuery = z.object({
  from: revisionNumber.describe('The earlier revision'),
  to: revisionNumber.optional().describe('default: the current revision'),
})

/** Whether the client asks for HTML over JSON (a browser does); JSON is the default. */
const prefersHtml = (c: Context<AppEnv>) =>
  /html/i.test(c.req.header('Accept') ?? '') &&
  accepts(c, {
    header: 'Accept',
    supports: ['application/json', 'text/html'],
    default: 'application/json',
  }) === 'text/html'

/** A browser's errors on the diff are pages, like its answer. */
const pageErrorsForHtml = createMiddleware<AppEnv>(async (c, next) => {
  if (prefersHtml(c)) c.set('pageErrors', true)
  await next()
})

/** What an editor reads (drafts included) is kept by no cache. */
const privacy = (unpublished: boolean): Record<string, string> =>
  unpublished ? { 'Cache-Control': 'private, no-store' } : {}

/** Reading, comparing and restoring an article's revisions: /api/articles/:slug/… */
export const revisionsApi = new Hono<AppEnv>()
  .get(
    '/:slug/revisions/:n',
    operation({
      id: 'getRevision',
      summary: 'One revision: its normalized article, reason and status',
      description:
        'A draft or scheduled article, or a revision that was not published, is a 404 unless the request carries a token or key with articles:write.',
      tag: 'Reading',
      responses: { 200: { description: 'The revision', content: json(revisionArticle) } },
      errors: [400, 404, 429, 503],
    }),
    validate('param', revisionParam),
    limitRenders,
    async (c) => {
      const { slug, n } = c.req.valid('param')
      const unpublished = await seesUnpublished(c)
      const revision = await readRevision(dbOf(c), slug, n, unpublished)
      if (!revision) throw notFound('article or revision')
      return c.json(revision, 200, privacy(unpublished))
    },
  )
  .get(
    '/:slug/diff',
    operation({
      id: 'diffRevisions',
      summary: 'What changed between two revisions',
      description:
        'Fields that differ, and the body aligned block by block, with changed blocks diffed word by word. `Accept: text/html` answers a page for editors. Revisions hidden from the request (see getRevision) are a 404.',
      tag: 'Reading',
      responses: {
        200: {
          description: 'The diff (Vary: Accept)',
          content: { ...json(revisionDiff), ...textOf('text/html') },
        },
      },
      errors: [400, 404, 429, 503],
    }),
    pageErrorsForHtml,
    validate('param', slugParam),
    validate('query', diffQuery),
    limitRenders,
    async (c) => {
      const { slug } = c.req.valid('param')
      const { from, to } = c.req.valid('query')
      const unpublished = await seesUnpublished(c)
      const found = await readDiff(dbOf(c), slug, from, to, unpublished)
      if (!found) throw notFound('article or revision')
      const headers = { ...privacy(unpublished), Vary: 'Accept' }
      if (!prefersHtml(c)) return c.json(found.diff, 200, headers)
      const page = renderRevisionDiff(found.diff, found.later, siteOf(c.env))
      return c.body(page, 200, { ...headers, 'Content-Type': HTML })
    },
  )
  .post(
    '/:slug/revisions/:n/restore',
    operation({
      id: 'restoreRevision',
      summary: 'Make an earlier revision’s content current again',
      description:
        'A new revision (reason "restore") with that revision’s content and the article’s current status; nothing when it is already current. If-Match as on every write.',
      tag: 'Articles',
      auth: 'bearer',
      scope: 'articles:write',
      responses: {
        200: {
          description: 'The article (X-Ingest-Result: updated or unchanged, ETag)',
          content: json(article),
        },
      },
      errors: [400, 401, 404, 409, 412, 429, 503],
    }),
    requireScope('articles:write'),
    validate('param', revisionParam),
    async (c) => {
      const { slug, n } = c.req.valid('param')
      const storage = storageOf(c)
      const result = await restoreRevision(storage, slug, n, parseIfMatch(c.req.header('If-Match')))
      if (result === null) throw notFound()
      if (result === 'missing') throw notFound('revision')
      // As savedResponse in articles-api.ts answers an update.
      const stored = result.stored ?? (await getArticle(storage.db, result.slug))
      if (!stored)
        throw new AppError(409, 'conflict', 'The article changed while it was stored; retry.')
      const { body, etag } = await articleJson(stored)
      return c.body(body, 200, {
        'Content-Type': JSON_TYPE,
        'X-Ingest-Result': result.status,
        ETag: etag,
      })
    },
  )
