import { and, asc, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm'
import { union, type SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Article, Block, Named } from '../model/article'
import type { Db } from './client'
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
} from './schema'

export const articleUrl = (slug: string) => `/articles/${slug}`
const readingMinutes = (words: number) => Math.max(1, Math.ceil(words / 230))

/** The full article for a live slug; null when missing or deleted. */
export async function getArticle(db: Db, slug: string): Promise<Article | null> {
  const [article] = await loadArticles(db, { slug })
  return article ?? null
}

/**
 * Full live articles by id, in the order of `ids`. Each statement binds the ids twice at most (the
 * related-link union), so they are read 50 at a time to stay under D1's 100 bound parameters.
 */
export async function getArticlesByIds(db: Db, ids: string[]): Promise<Article[]> {
  const byId = new Map<string, Article>()
  for (let i = 0; i < ids.length; i += 50) {
    for (const a of await loadArticles(db, { ids: ids.slice(i, i + 50) })) {
      byId.set(a.id, a)
    }
  }
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** Which articles to read: one by slug, or up to 50 by id. */
export type ArticleMatch = { slug: string } | { ids: string[] }

/**
 * The statements that read whole live articles, for one `db.batch()`. A slug is matched through a
 * scalar subquery (`article_id = (SELECT id …)`), which SQLite plans as one value looked up in the
 * child table's index. tests/db/article-read-plan.test.ts keeps every step on an index.
 */
export function articleReadStatements(db: Db, match: ArticleMatch) {
  const live = and(
    'slug' in match ? eq(articles.slug, match.slug) : inArray(articles.id, match.ids),
    isNull(articles.deletedAt),
  )
  const ofArticles = (column: SQLiteColumn): SQL =>
    'slug' in match
      ? eq(column, sql`(${db.select({ id: articles.id }).from(articles).where(live)})`)
      : inArray(column, match.ids)
  return [
    db
      .select({ article: articles, source: { format: sources.format, sha256: sources.sha256 } })
      .from(articles)
      .innerJoin(sources, eq(sources.id, articles.sourceId))
      .where(live),
    db
      .select({ articleId: articleAuthors.articleId, name: authors.name, slug: authors.slug })
      .from(articleAuthors)
      .innerJoin(authors, eq(authors.slug, articleAuthors.authorSlug))
      .where(ofArticles(articleAuthors.articleId))
      .orderBy(asc(articleAuthors.position)),
    db
      .select({ articleId: articleTags.articleId, name: tags.name, slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.slug, articleTags.tagSlug))
      .where(ofArticles(articleTags.articleId))
      .orderBy(asc(articleTags.position)),
    db.select().from(blocks).where(ofArticles(blocks.articleId)).orderBy(asc(blocks.position)),
    db.select().from(related).where(ofArticles(related.articleId)).orderBy(asc(related.position)),
    linkedRelated(db, ofArticles(related.articleId)),
    db
      .select()
      .from(notes)
      .where(ofArticles(notes.articleId))
      .orderBy(asc(notes.kind), asc(notes.position)),
  ] as const
}

/**
 * Articles and all their rows in one round trip (one batch, which D1 runs as one transaction, so
 * the rows agree with each other), however many articles match.
 */
async function loadArticles(db: Db, match: ArticleMatch): Promise<Article[]> {
  const [rows, authorRows, tagRows, blockRows, relatedRows, links, noteRows] = await db.batch(
    articleReadStatements(db, match),
  )
  const of = <T extends { articleId: string }>(list: T[], id: string) =>
    list.filter((row) => row.articleId === id)
  const named = (list: { name: string; slug: string }[]): Named[] =>
    list.map(({ name, slug }) => ({ name, slug }))

  return rows.map(({ article: a, source }) => {
    const mine = of(noteRows, a.id)
    const myLinks = of(links, a.id)
    return {
      id: a.id,
      slug: a.slug,
      url: articleUrl(a.slug),
      title: a.title,
      headline: a.headline,
      kicker: a.kicker,
      dateline: a.dateline,
      authors: named(of(authorRows, a.id)),
      body: of(blockRows, a.id).map(toBlock),
      related: of(relatedRows, a.id).map((r) => ({
        title: r.title,
        url: r.url ?? linkFor(myLinks, r.position),
      })),
      notices: mine.filter((n) => n.kind === 'notice').map((n) => n.text),
      captions: mine.filter((n) => n.kind === 'caption').map((n) => n.text),
      tags: named(of(tagRows, a.id)),
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
      source: { format: source.format, url: a.sourceUrl, contentHash: source.sha256 },
    }
  })
}

/**
 * Stored articles that the related headlines of the given articles name, by title or headline
 * key, whichever of the two was uploaded first. Two joins, each on its own index: an OR in one
 * join condition would make SQLite scan every article for every related headline. A CROSS JOIN,
 * because SQLite keeps its left table in the outer loop: left to choose, it may start from every
 * live article (the `deleted_at` index) and probe the few related rows for each.
 */
const linkedRelated = (db: Db, ofArticles: SQL) => {
  const byKey = (key: typeof articles.titleKey | typeof articles.headlineKey) =>
    db
      .select({ articleId: related.articleId, position: related.position, slug: articles.slug })
      .from(related)
      .crossJoin(articles)
      .where(
        and(
          ofArticles,
          eq(key, related.titleKey),
          isNull(articles.deletedAt),
          ne(articles.id, related.articleId),
        ),
      )
  return union(byKey(articles.titleKey), byKey(articles.headlineKey))
}

function linkFor(links: { position: number; slug: string }[], position: number): string | null {
  const match = links
    .filter((l) => l.position === position)
    .sort((a, b) => a.slug.localeCompare(b.slug))[0]
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
