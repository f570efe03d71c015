import type { Context } from 'hono'
import { articleScope } from '../cache/scopes'
import { createDb } from '../db/client'
import { getArticle } from '../db/article-read'
import type { AppEnv } from '../env'
import { notFound } from '../http/errors'
import { articleEtag } from '../http/preconditions'
import type { Article } from '../model/article'
import { serveCachedPage } from './cached-page'

export const JSON_TYPE = 'application/json'

/** An article as the API sends it: the JSON text and its ETag (see articleEtag). */
export async function articleJson(article: Article): Promise<{ body: string; etag: string }> {
  const body = JSON.stringify(article)
  return { body, etag: await articleEtag(article.revision, body) }
}

/**
 * The article JSON, cached like its page (same scope, so the same writes invalidate it): a read
 * of a stored article costs no D1 query until the article or an article it links to changes.
 */
export async function serveArticleJson(c: Context<AppEnv>, slug: string): Promise<Response> {
  const response = await serveCachedPage(c, {
    scope: articleScope(slug),
    variant: 'json',
    contentType: JSON_TYPE,
    render: async () => {
      const article = await getArticle(createDb(c.env.DB), slug)
      return article && articleJson(article)
    },
  })
  if (!response) throw notFound()
  return response
}
