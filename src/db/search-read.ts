import { sql } from 'drizzle-orm'
import { readingMinutes, type ArticleSummary } from '../model/article'
import { articleUrl } from './article-read'
import { authorsOf } from './listing-read'
import type { Db } from './client'
import type { SearchCursor } from './cursor'
import { MARK_END, MARK_START, type SearchQuery } from './fts-query'
import { searchWithCjk } from './search-cjk-read'

export interface SearchHit extends ArticleSummary {
  /** A passage around the matches, with matches between MARK_START and MARK_END. */
  snippet: string
  rank: number
}

export interface Row {
  id: string
  slug: string
  title: string
  headline: string
  kicker: string | null
  summary: string
  published_at: string | null
  updated_at: string
  revision: number
  word_count: number
  snippet: string
  rank: number
}

/**
 * How many matches a query ranks at most: the most recently stored (or edited) ones. Scoring
 * every match makes a common word cost time (and D1 rows read) in proportion to the archive; this
 * keeps a query's cost flat however large the archive grows. Queries with fewer matches rank them
 * all.
 */
export const RANKED_MATCHES = 1000

/**
 * Live articles matching an FTS5 query (see toSearchQuery), best first by BM25 with the headline
 * weighted most, then authors and tags, then the body; keyset-paginated on (rank, id). Only the
 * `candidates` most recently stored matches are ranked (see RANKED_MATCHES).
 */
export async function searchArticles(
  db: Db,
  {
    query,
    limit,
    cursor,
    candidates = RANKED_MATCHES,
  }: {
    /** A query for the word index, or both indexes' (see toSearchQuery). */
    query: string | SearchQuery
    limit: number
    cursor: SearchCursor | null
    candidates?: number
  },
): Promise<{ items: SearchHit[]; next: SearchCursor | null }> {
  if (typeof query !== 'string') {
    if (query.cjk)
      return hits(db, await searchWithCjk(db, query, { limit, cursor, candidates }), limit)
    if (!query.words) return { items: [], next: null }
    return searchArticles(db, { query: query.words, limit, cursor, candidates })
  }
  const after = cursor
    ? sql`AND (ranked.rank > ${cursor.rank} OR (ranked.rank = ${cursor.rank} AND ranked.id > ${cursor.id}))`
    : sql``
  // FTS5 walks a match list newest rowid first and stops at the limit, so finding the oldest
  // candidate is cheap; the rowid range then bounds the ranking. Ranking happens in the index
  // alone (it holds live articles only: a delete removes the article's row in the same batch); one
  // page is kept, and only then are the articles joined and snippets (not cheap) built for it.
  const rows = await db.all<Row>(sql`
    WITH candidates AS (
      SELECT rowid FROM article_search WHERE article_search MATCH ${query}
      ORDER BY rowid DESC LIMIT ${candidates}
    ),
    ranked AS (
      SELECT article_search.rowid AS search_rowid, article_search.article_id AS id,
             bm25(article_search, 0.0, 10.0, 1.0, 4.0, 3.0) AS rank
      FROM article_search
      WHERE article_search MATCH ${query}
        AND article_search.rowid >= (SELECT min(rowid) FROM candidates)
    ),
    page AS (
      SELECT ranked.* FROM ranked
      WHERE 1 ${after}
      ORDER BY ranked.rank, ranked.id
      LIMIT ${limit + 1}
    )
    SELECT a.id, a.slug, a.title, a.headline, a.kicker, a.summary, a.published_at, a.updated_at,
           a.revision, a.word_count, page.rank,
           snippet(article_search, -1, ${MARK_START}, ${MARK_END}, '…', 24) AS snippet
    FROM page
    JOIN article_search ON article_search.rowid = page.search_rowid
    JOIN articles a ON a.id = page.id AND a.deleted_at IS NULL
    WHERE article_search MATCH ${query}
    ORDER BY page.rank, page.id`)
  return hits(db, rows, limit)
}

/** One page of hits from up to `limit + 1` rows; the extra one says that there is a next page. */
async function hits(
  db: Db,
  rows: Row[],
  limit: number,
): Promise<{ items: SearchHit[]; next: SearchCursor | null }> {
  const page = rows.slice(0, limit)
  const authors = await authorsOf(
    db,
    page.map((r) => r.id),
  )
  const last = page.at(-1)
  return {
    items: page.map((r) => ({
      id: r.id,
      slug: r.slug,
      url: articleUrl(r.slug),
      title: r.title,
      headline: r.headline,
      kicker: r.kicker,
      authors: authors.get(r.id) ?? [],
      summary: r.summary,
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
      revision: r.revision,
      readingMinutes: readingMinutes(r.word_count),
      snippet: r.snippet,
      rank: r.rank,
    })),
    next: rows.length > limit && last ? { rank: last.rank, id: last.id } : null,
  }
}
