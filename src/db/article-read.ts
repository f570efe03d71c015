import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, or } from 'drizzle-orm'
import type { Article, ArticleSummary, Block, Named } from '../model/article'
import type { Db } from './client'
import type { ListCursor } from './cursor'
import {
  articleAuthors,
  articles,
  articleTags,
  authors,
  blocks,
  notes,
  related,
  sources,
  tags,
  type ArticleRow,
} from './schema'

export const articleUrl = (slug: string) => `/articles/${slug}`
const readingMinutes = (words: number) => Math.max(1, Math.ceil(words / 230))

/** The full article for a live slug, in one round trip; null when missing or deleted. */
export async function getArticle(db: Db, slug: string): Promise<Article | null> {
  const row = await db
    .select({ article: articles, source: { format: sources.format, sha256: sources.sha256 } })
    .from(articles)
    .innerJoin(sources, eq(sources.id, articles.sourceId))
    .where(and(eq(articles.slug, slug), isNull(articles.deletedAt)))
    .get()
  if (!row) return null
  const id = row.article.id
  const [authorRows, tagRows, blockRows, relatedRows, links, noteRows] = await db.batch([
    db
      .select({ name: authors.name, slug: authors.slug })
      .from(articleAuthors)
      .innerJoin(authors, eq(authors.slug, articleAuthors.authorSlug))
      .where(eq(articleAuthors.articleId, id))
      .orderBy(asc(articleAuthors.position)),
    db
      .select({ name: tags.name, slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.slug, articleTags.tagSlug))
      .where(eq(articleTags.articleId, id))
      .orderBy(asc(articleTags.position)),
    db.select().from(blocks).where(eq(blocks.articleId, id)).orderBy(asc(blocks.position)),
    db.select().from(related).where(eq(related.articleId, id)).orderBy(asc(related.position)),
    linkedRelated(db, id),
    db
      .select()
      .from(notes)
      .where(eq(notes.articleId, id))
      .orderBy(asc(notes.kind), asc(notes.position)),
  ])
  const a = row.article
  return {
    id,
    slug: a.slug,
    url: articleUrl(a.slug),
    title: a.title,
    headline: a.headline,
    kicker: a.kicker,
    dateline: a.dateline,
    authors: authorRows,
    body: blockRows.map(toBlock),
    related: relatedRows.map((r) => ({
      title: r.title,
      url: r.url ?? linkFor(links, r.position),
    })),
    notices: noteRows.filter((n) => n.kind === 'notice').map((n) => n.text),
    captions: noteRows.filter((n) => n.kind === 'caption').map((n) => n.text),
    tags: tagRows,
    summary: a.summary,
    wordCount: a.wordCount,
    readingMinutes: readingMinutes(a.wordCount),
    publishedAt: a.publishedAt,
    modifiedAt: a.modifiedAt,
    siteName: a.siteName,
    language: a.language,
    image: a.imageUrl ? { url: a.imageUrl, caption: a.imageCaption } : null,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    revision: a.revision,
    source: { format: row.source.format, url: a.sourceUrl, contentHash: row.source.sha256 },
  }
}

/**
 * Stored articles that the related headlines of article `id` name, by title or headline key,
 * whichever of the two was uploaded first.
 */
const linkedRelated = (db: Db, id: string) =>
  db
    .select({ position: related.position, slug: articles.slug })
    .from(related)
    .innerJoin(
      articles,
      and(
        or(eq(articles.titleKey, related.titleKey), eq(articles.headlineKey, related.titleKey)),
        isNull(articles.deletedAt),
        ne(articles.id, related.articleId),
      ),
    )
    .where(eq(related.articleId, id))
    .orderBy(asc(related.position), asc(articles.sortKey))

function linkFor(links: { position: number; slug: string }[], position: number): string | null {
  const match = links.find((l) => l.position === position)
  return match ? articleUrl(match.slug) : null
}

function toBlock(row: typeof blocks.$inferSelect): Block {
  const data = row.data ? (JSON.parse(row.data) as Record<string, unknown>) : {}
  switch (row.type) {
    case 'heading':
      return { type: 'heading', level: (data.level as 2 | 3 | 4) ?? 2, text: row.text }
    case 'quote':
      return { type: 'quote', text: row.text }
    case 'list':
      return { type: 'list', ordered: Boolean(data.ordered), items: (data.items as string[]) ?? [] }
    default:
      return { type: 'paragraph', text: row.text }
  }
}

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

/** The newest live articles after `cursor`, one more than `limit` to tell whether a next page exists. */
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
    .where(and(isNull(articles.deletedAt), after, filterCondition(db, filter)))
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
  }
}

export const getAuthor = (db: Db, slug: string): Promise<Named | undefined> =>
  db.select().from(authors).where(eq(authors.slug, slug)).get()

export const getTag = (db: Db, slug: string): Promise<Named | undefined> =>
  db.select().from(tags).where(eq(tags.slug, slug)).get()

/** `2011-09` → `2011-10`, `2011-12` → `2012-01`. */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`
}
