import { Hono } from 'hono'
import { accepts } from 'hono/accepts'
import { INDEX_SCOPE, articleScope } from '../cache/scopes'
import { createDb } from '../db/client'
import { getArticle, listArticles } from '../db/article-read'
import { decodeCursor, encodeCursor } from '../db/cursor'
import type { AppEnv } from '../env'
import { AppError, notFound } from '../http/errors'
import { renderArticlePage } from '../views/article-page'
import { renderErrorPage } from '../views/error-page'
import { renderIndexPage } from '../views/index-page'
import { serveCachedPage } from './cached-page'
import { siteOf } from './site'
import { slugParam, validate } from './validation'
import { z } from 'zod'

const INDEX_PAGE_SIZE = 20

const indexQuery = z.object({ cursor: z.string().max(512).optional() })

export const pages = new Hono<AppEnv>()
  .get('/healthz', (c) => c.text('ok'))
  .get('/', validate('query', indexQuery), async (c) => {
    const { cursor } = c.req.valid('query')
    const after = cursor === undefined ? null : decodeCursor(cursor)
    if (cursor !== undefined && !after)
      throw new AppError(400, 'invalid_cursor', 'cursor: not a cursor from this site')
    const response = await serveCachedPage(c, INDEX_SCOPE, `html:${cursor ?? ''}`, async () => {
      const page = await listArticles(createDb(c.env.DB), { limit: INDEX_PAGE_SIZE, cursor: after })
      return renderIndexPage(page.items, page.next && encodeCursor(page.next), siteOf(c), {
        cursor,
      })
    })
    return response ?? c.notFound()
  })
  .get('/articles/:slug', async (c) => {
    const slug = c.req.param('slug')
    const wantsJson =
      accepts(c, {
        header: 'Accept',
        supports: ['text/html', 'application/json'],
        default: 'text/html',
      }) === 'application/json'
    const valid = slugParam.safeParse({ slug }).success
    if (wantsJson) {
      const article = valid ? await getArticle(createDb(c.env.DB), slug) : null
      if (!article) throw notFound()
      return c.json(article, 200, { Vary: 'Accept' })
    }
    const response = valid
      ? await serveCachedPage(c, articleScope(slug), 'html', async () => {
          const article = await getArticle(createDb(c.env.DB), slug)
          return article && renderArticlePage(article, siteOf(c))
        })
      : null
    return (
      response ??
      c.html(renderErrorPage(404, 'No such article.', siteOf(c)), 404, { Vary: 'Accept' })
    )
  })
