import type { CachedPage, PageSpec } from '../cache/pages'
import { articleScope } from '../cache/scopes'
import { getArticle, isPublic } from '../db/article-read'
import { encodeRevisionCursor } from '../db/cursor'
import { listRevisions, type HistoryReader } from '../db/history-read'
import type { Db } from '../db/client'
import { sha256Hex } from '../lib/hash'
import { readingMinutes, type Article } from '../model/article'
import type { Site } from '../model/site'
import { renderArticlePage } from '../views/article-page'
import { renderHistoryPage } from '../views/history-page'
import { readRevision } from './revisions'
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

/** Versions a history page lists: the newest, of those readers may see. */
const HISTORY_PAGE_SIZE = 100

/**
 * The reader's history of an article: its published revisions, newest first. Kept in this
 * isolate's memory only (a URL per article: not worth KV writes), under the article's scope, so
 * any write to the article (a new revision, unpublishing it) renders it again.
 */
export const historyPage = (slug: string, site: Site): PageSpec => ({
  scope: articleScope(slug),
  variant: 'history',
  shared: false,
  render: async (db) => {
    const article = await getPublicArticle(db, slug)
    if (!article) return null
    const limit = HISTORY_PAGE_SIZE
    const page = await listRevisions(db, slug, { limit, before: null }, { unpublished: false })
    return page && renderHistoryPage(article, page.items, site)
  },
})

/**
 * An earlier revision as a page, marked as such and never indexed: its own content with the
 * article's current names (slug, URL, id). Only a revision that was published itself, of an
 * article published now; cached like the history, never as the current page.
 */
export const earlierVersionPage = (slug: string, number: number, site: Site): PageSpec => ({
  scope: articleScope(slug),
  variant: `revision:${number}`,
  shared: false,
  render: async (db) => {
    const article = await getPublicArticle(db, slug)
    const earlier = article && (await readRevision(db, slug, number, false))
    if (!article || !earlier) return null
    const { sourceUrl: _url, slug: _slug, ...content } = earlier.article
    const shown: Article = {
      ...article,
      ...content,
      readingMinutes: readingMinutes(content.wordCount),
      revision: earlier.revision,
      updatedAt: earlier.createdAt,
    }
    const view = {
      revision: earlier.revision,
      createdAt: earlier.createdAt,
      current: article.revision,
    }
    return renderArticlePage(shown, site, { earlier: view })
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
