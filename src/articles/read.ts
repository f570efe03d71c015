import type { CachedPage, PageSpec } from '../cache/pages'
import { articleScope } from '../cache/scopes'
import { getArticle, isPublic } from '../db/article-read'
import { encodeRevisionCursor } from '../db/cursor'
import { listRevisions, type HistoryReader } from '../db/history-read'
import type { Db } from '../db/client'
import { sha256Hex } from '../lib/hash'
import type { Article } from '../model/article'
import type { Site } from '../model/site'
import { renderArticlePage } from '../views/article-page'
import { parseRevisionCursor } from './cursors'

/** The read service for one article: its page, its JSON, its history and its sources. */

export { getArticle } from '../db/article-read'
export { getArticleSource } from '../db/history-read'

export const JSON_TYPE = 'application/json'

/**
 * Article JSON carries `ETag: "r<revision>-<hash>"`, which writers send back as `If-Match`. The
 * hash is of the JSON itself: its related links can change without a new revision (another
 * article is stored), and If-None-Match must see that.
 */
export const articleEtag = async (revision: number, json: string) =>
  `"r${revision}-${(await sha256Hex(json)).slice(0, 16)}"`

/** An article as the API sends it: the JSON text and its ETag. */
export async function articleJson(article: Article): Promise<CachedPage> {
  const body = JSON.stringify(article)
  return { body, etag: await articleEtag(article.revision, body) }
}

/** A published article, or null: what every public surface may show. */
export async function getPublicArticle(db: Db, slug: string): Promise<Article | null> {
  const article = await getArticle(db, slug)
  return article && isPublic(article) ? article : null
}

/** The article's page; none for a draft or a scheduled article (the status comes in the same read). */
export const articlePage = (slug: string, site: Site): PageSpec => ({
  scope: articleScope(slug),
  variant: 'html',
  render: async (db) => {
    const article = await getPublicArticle(db, slug)
    return article && renderArticlePage(article, site)
  },
})

/**
 * The article JSON, cached like its page (same scope, so the same writes invalidate it): a read
 * of a stored article costs no D1 query until the article or an article it links to changes.
 */
export const articleJsonPage = (slug: string): PageSpec => ({
  scope: articleScope(slug),
  variant: 'json',
  contentType: JSON_TYPE,
  render: async (db) => {
    const article = await getPublicArticle(db, slug)
    return article && articleJson(article)
  },
})

/** A page of an article's history, newest first; null when there is no such article. */
export async function revisionsPage(
  db: Db,
  slug: string,
  reader: HistoryReader,
  limit: number,
  cursor?: string,
) {
  const before = parseRevisionCursor(cursor)
  const page = await listRevisions(db, slug, { limit, before }, reader)
  return (
    page && { slug, items: page.items, nextCursor: page.next && encodeRevisionCursor(page.next) }
  )
}
