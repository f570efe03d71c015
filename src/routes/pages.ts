import { Hono } from 'hono'
import { articleScope } from '../cache/scopes'
import { createDb } from '../db/client'
import { getArticle } from '../db/article-read'
import type { AppEnv } from '../env'
import { notFound } from '../http/errors'
import { renderArticlePage } from '../views/article-page'
import { renderErrorPage } from '../views/error-page'
import { serveArticleJson } from './article-json'
import { serveCachedPage } from './cached-page'
import { wantsJson } from './negotiate'
import { siteOf } from './site'
import { isSlug } from './validation'

/** Article pages: HTML from the KV cache, or JSON for `Accept: application/json`. */
export const articlePages = new Hono<AppEnv>().get('/:slug', async (c) => {
  const slug = c.req.param('slug')
  const valid = isSlug(slug)
  if (wantsJson(c)) {
    if (!valid) throw notFound()
    return serveArticleJson(c, slug)
  }
  const response = valid
    ? await serveCachedPage(c, {
        scope: articleScope(slug),
        variant: 'html',
        render: async () => {
          const article = await getArticle(createDb(c.env.DB), slug)
          return article && renderArticlePage(article, siteOf(c))
        },
      })
    : null
  return (
    response ?? c.html(renderErrorPage(404, 'No such article.', siteOf(c)), 404, { Vary: 'Accept' })
  )
})
