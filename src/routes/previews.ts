import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { z } from 'zod'
import type { AppEnv } from '../env'
import { requireScope } from '../http/auth'
import { HTML } from '../http/cached-page'
import { json, operation, textOf } from '../http/operation'
import { limitRenders } from '../http/rate-limit'
import { slugParam, validate } from '../http/validation'
import { errorResponse } from '../model/api'
import { makePreview, openPreview, PREVIEW_SECONDS, rekeyPreviews } from '../previews/previews'
import { TOKEN_PATTERN } from '../previews/token'
import { settingsOf, siteOf } from '../settings'
import { renderArticlePage } from '../views/article-page'

const previewLink = z.strictObject({
  url: z.string().describe('Absolute: the preview page, the token in its path'),
  expiresAt: z.string().describe('ISO 8601: the link is refused from then on (410)'),
})

const previewQuery = z.object({
  expiresIn: z.coerce
    .number()
    .int()
    .min(PREVIEW_SECONDS.min)
    .max(PREVIEW_SECONDS.max)
    .default(PREVIEW_SECONDS.default)
    .describe(`seconds the link works, ${PREVIEW_SECONDS.min} to ${PREVIEW_SECONDS.max}`),
})

/** A segment that cannot be a token is no page (404); one that could, but fails, is 403. */
const tokenParam = z.object({ token: z.string().regex(TOKEN_PATTERN) })

/** `POST /api/articles/:slug/preview`: a private link to the article as it is when viewed. */
export const previewsApi = new Hono<AppEnv>().post(
  '/:slug/preview',
  operation({
    id: 'createPreview',
    summary: 'A private, expiring link to the article page, whatever its status',
    description:
      'The page shows the article as it is when the link is opened (later edits show), with a banner saying it is a preview, to anyone holding the link until `expiresAt` or until `POST /api/previews/rekey`.',
    tag: 'Articles',
    auth: 'bearer',
    scope: 'articles:write',
    responses: { 201: { description: 'The link', content: json(previewLink) } },
    errors: [400, 401, 404, 429, 503],
  }),
  requireScope('articles:write'),
  validate('param', slugParam),
  validate('query', previewQuery),
  async (c) => {
    const { slug } = c.req.valid('param')
    const { token, expiresAt } = await makePreview(c.env, slug, c.req.valid('query').expiresIn)
    const url = `${settingsOf(c.env).siteOrigin}/preview/${token}`
    return c.json({ url, expiresAt }, 201, { 'Cache-Control': 'no-store' })
  },
)

/** `POST /api/previews/rekey`: every preview link made so far is refused from now on. */
export const previewKeysApi = new Hono<AppEnv>().post(
  '/rekey',
  operation({
    id: 'rekeyPreviews',
    summary: 'Refuse every preview link made so far (403 preview_revoked)',
    description:
      'Retires the key that signs preview links; the next link made is signed with a new one. With no link ever made there is nothing to retire (`retired: 0`).',
    tag: 'Keys',
    auth: 'bearer',
    scope: 'admin',
    responses: {
      200: {
        description: 'How many keys were retired',
        content: json(z.strictObject({ retired: z.number().int() })),
      },
    },
    errors: [401, 429, 503],
  }),
  requireScope('admin'),
  async (c) => c.json({ retired: await rekeyPreviews(c.env) }),
)

/** The token is in the URL: it must not leave in a Referer, and no cache or index may keep it. */
const PRIVATE = {
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex',
  'Referrer-Policy': 'no-referrer',
}

/** On the page and on its errors alike (which the error handler builds). */
const privately = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  for (const [name, value] of Object.entries(PRIVATE)) c.res.headers.set(name, value)
})

const pageError = (description: string) => ({
  description,
  content: { ...textOf('text/html'), ...json(errorResponse) },
})

/** `GET /preview/:token`: the article page with a preview banner, rendered on every view. */
export const previewPages = new Hono<AppEnv>().get(
  '/:token',
  operation({
    id: 'previewPage',
    summary: 'The article page as a preview link shows it (never cached, never indexed)',
    tag: 'Pages',
    page: true,
    responses: {
      200: { description: 'The page, with a preview banner', content: textOf('text/html') },
      403: pageError(
        'Not a link this site signed (invalid_preview), or re-keyed since (preview_revoked)',
      ),
      410: pageError('The link has expired (preview_expired)'),
    },
    errors: [404, 429, 503],
  }),
  privately,
  validate('param', tokenParam),
  limitRenders,
  async (c) => {
    const { article, expiresAt } = await openPreview(c.env, c.req.valid('param').token)
    const page = renderArticlePage(article, siteOf(c.env), { preview: { expiresAt } })
    return c.body(page, 200, { 'Content-Type': HTML })
  },
)
