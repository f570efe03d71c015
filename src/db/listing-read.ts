import { and, asc, desc, eq, exists, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import { readingMinutes, type ArticleSummary, type Named } from '../model/article'
import { articleUrl } from './article-read'
import type { Db } from './client'
import type { ListCursor } from './cursor'
import { articleAuthors, articles, articleTags, authors, tags, type ArticleRow } from './schema'

/** What readers may see: live, published articles. Every public listing, count and lookup uses it. */
export const isListed = () => and(isNull(articles.deletedAt), eq(articles.status, 'published'))

/** Narrows a listing to one author's or one tag's articles. */
export type ListFilter = { author: string } | { tag: string } | { month: string } | null

export interface ListQuery {
  limit: number
  cursor: ListCursor | null
  filter?: ListFilter
}

function filterCondition(db: Db, filter: ListFilter | undefined) {
  if (!filter) return undefined
  if ('month' in filter) {
    return and(gte(articles.sortKey, filter.month), lt(articles.sortKey, nextMonth(filter.month)))
  }
  if ('author' in filter) {
    return inArray(
      articles.id,
      db
        .select({ id: articleAuthors.articleId })
        .from(articleAuthors)
        .where(eq(articleAuthors.authorSlug, filter.author)),
    )
  }
  return inArray(
    articles.id,
    db
      .select({ id: articleTags.articleId })
      .from(articleTags)
      .where(eq(articleTags.tagSlug, filter.tag)),
  )
}

/** The newest published articles after `cursor`, one more than `limit` to tell whether a next page exists. */
export async function listArticles(
  db: Db,
  { limit, cursor, filter }: ListQuery,
): Promise<{ items: ArticleSummary[]; next: ListCursor | null }> {
  const after = cursor
    ? or(
        lt(articles.sortKey, cursor.sortKey),
        and(eq(articles.sortKey, cursor.sortKey), lt(articles.id, cursor.id)),
      )
    : undefined
  const rows = await db
    .select()
    .from(articles)
    .where(and(isListed(), after, filterCondition(db, filter)))
    .orderBy(desc(articles.sortKey), desc(articles.id))
    .limit(limit + 1)
    .all()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  const next = rows.length > limit && last ? { sortKey: last.sortKey, id: last.id } : null
  const byArticle = await authorsOf(
    db,
    page.map((row) => row.id),
  )
  return { items: page.map((row) => toSummary(row, byArticle.get(row.id) ?? [])), next }
}

export async function authorsOf(db: Db, ids: string[]): Promise<Map<string, Named[]>> {
  const map = new Map<string, Named[]>()
  if (ids.length === 0) return map
  const rows = await db
    .select({ articleId: articleAuthors.articleId, name: authors.name, slug: authors.slug })
    .from(articleAuthors)
    .innerJoin(authors, eq(authors.slug, articleAuthors.authorSlug))
    .where(inArray(articleAuthors.articleId, ids))
    .orderBy(asc(articleAuthors.articleId), asc(articleAuthors.position))
    .all()
  for (const { articleId, name, slug } of rows) {
    const list = map.get(articleId) ?? []
    list.push({ name, slug })
    map.set(articleId, list)
  }
  return map
}

function toSummary(row: ArticleRow, authorList: Named[]): ArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    url: articleUrl(row.slug),
    title: row.title,
    headline: row.headline,
    kicker: row.kicker,
    authors: authorList,
    summary: row.summary,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    revision: row.revision,
    readingMinutes: readingMinutes(row.wordCount),
  }
}

/** An author with a published article: one whose articles are all drafts is nobody's business yet. */
export const getAuthor = (db: Db, slug: string): Promise<Named | undefined> =>
  db
    .select({ slug: authors.slug, name: authors.name })
    .from(authors)
    .where(
      and(
        eq(authors.slug, slug),
        exists(
          db
            .select({ one: sql`1` })
            .from(articleAuthors)
            .innerJoin(articles, eq(articles.id, articleAuthors.articleId))
            .where(and(eq(articleAuthors.authorSlug, authors.slug), isListed())),
        ),
      ),
    )
    .get()

/** A tag with a published article. */
export const getTag = (db: Db, slug: string): Promise<Named | undefined> =>
  db
    .select({ slug: tags.slug, name: tags.name })
    .from(tags)
    .where(
      and(
        eq(tags.slug, slug),
        exists(
          db
            .select({ one: sql`1` })
            .from(articleTags)
            .innerJoin(articles, eq(articles.id, articleTags.articleId))
            .where(and(eq(articleTags.tagSlug, tags.slug), isListed())),
        ),
      ),
    )
    .get()

/** `2011-09` → `2011-10`, `2011-12` → `2012-01`. */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`
}

export async function countLiveArticles(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(articles)
    .where(isListed())
  return row?.n ?? 0
}

/** One sitemap page: published article paths with their last change, in a stable order. */
export async function sitemapEntries(db: Db, page: number, size: number) {
  const rows = await db
    .select({ slug: articles.slug, updatedAt: articles.updatedAt })
    .from(articles)
    .where(isListed())
    .orderBy(asc(articles.id))
    .limit(size)
    .offset((page - 1) * size)
    .all()
  return rows.map((r) => ({ path: articleUrl(r.slug), lastmod: r.updatedAt }))
}
