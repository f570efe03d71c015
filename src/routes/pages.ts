import { Hono } from 'hono'
import { articleJsonPage, articlePage, earlierVersionPage, historyPage } from '../articles/read'
import type { AppEnv } from '../env'
import { notFound } from '../errors'
import { serveCachedPage } from '../http/cached-page'
import { wantsJson } from '../http/negotiate'
import { json, operation, textOf } from '../http/operation'
import { article } from '../model/article'
import { isSlug } from '../model/slug'
import { siteOf } from '../settings'
import { renderErrorPage } from '../views/error-page'

/** A revision number in a path: what no revision can be is a 404 without a read. */
const REVISION = /^[1-9]\d{0,8}$/

/** Article pages: HTML from the cache, or the article JSON for `Accept: application/json`. */
export const articlePages = new Hono<AppEnv>()
  .get(
    '/:slug/revisions',
    operation({
      id: 'historyPage',
      summary: 'The versions of a published article readers may see, newest first',
      tag: 'Pages',
      page: true,
      responses: { 200: { description: 'The page', content: textOf('text/html') } },
      errors: [400, 404, 429, 503],
    }),
    async (c) => {
      const slug = c.req.param('slug')
      const site = siteOf(c.env)
      const response = isSlug(slug) ? await serveCachedPage(c, historyPage(slug, site)) : null
      if (!response) throw notFound()
      return response
    },
  )
  .get(
    '/:slug/revisions/:n',
    operation({
      id: 'earlierVersionPage',
      summary: 'An earlier version of a published article, marked as such (noindex)',
      tag: 'Pages',
      page: true,
      responses: { 200: { description: 'The page', content: textOf('text/html') } },
      errors: [400, 404, 429, 503],
    }),
    async (c) => {
      const { slug, n } = c.req.param()
      const site = siteOf(c.env)
      const found = isSlug(slug) && REVISION.test(n)
      const response = found
        ? await serveCachedPage(c, earlierVersionPage(slug, Number(n), site))
        : null
      if (!response) throw notFound('version')
      return response
    },
  )
  .get(
    '/:slug',
    operation({
      id: 'articlePage',
      summary: 'The article page (the article JSON to Accept: application/json)',
      tag: 'Pages',
      page: true,
      responses: {
        200: { description: 'The page', content: { ...textOf('text/html'), ...json(article) } },
        304: { description: 'Not modified (If-None-Match)' },
      },
      errors: [400, 404, 429, 503],
    }),
    async (c) => {
      const slug = c.req.param('slug')
      // Checked with the pattern itself, not a validator: this runs on every cached view.
      const valid = isSlug(slug)
      if (wantsJson(c)) {
        const json = valid && (await serveCachedPage(c, articleJsonPage(slug)))
        if (!json) throw notFound()
        return json
      }
      const site = siteOf(c.env)
      const response = valid ? await serveCachedPage(c, articlePage(slug, site)) : null
      return (
        response ?? c.html(renderErrorPage(404, 'No such article.', site), 404, { Vary: 'Accept' })
      )
    },
  )
