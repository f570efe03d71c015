import { sql } from 'drizzle-orm'
import type { Db } from './client'
import type { SearchCursor } from './cursor'
import { MARK_START, type SearchQuery } from './fts-query'
import type { Row } from './search-read'
import { textSnippet } from './text-snippet'

/**
 * Up to `limit + 1` rows for a query with CJK terms (see searchArticles): the CJK index answers
 * for the articles it holds, the word index (its `words` query) for all others, each ranking its
 * `candidates` most recently stored matches by BM25 with the same column weights, headline most;
 * one order over both. The CJK index's text is bigrams, so snippets come from the article's own
 * text (its headline and blocks), only for the page.
 */
export async function searchWithCjk(
  db: Db,
  query: SearchQuery,
  { limit, cursor, candidates }: { limit: number; cursor: SearchCursor | null; candidates: number },
): Promise<Row[]> {
  const after = cursor
    ? sql`AND (ranked.rank > ${cursor.rank} OR (ranked.rank = ${cursor.rank} AND ranked.id > ${cursor.id}))`
    : sql``
  const words = query.words
    ? sql`,
    word_candidates AS (
      SELECT rowid FROM article_search WHERE article_search MATCH ${query.words}
      ORDER BY rowid DESC LIMIT ${candidates}
    ),
    word_ranked AS (
      SELECT article_id AS id, bm25(article_search, 0.0, 10.0, 1.0, 4.0, 3.0) AS rank
      FROM article_search
      WHERE article_search MATCH ${query.words}
        AND rowid >= (SELECT min(rowid) FROM word_candidates)
        AND article_id NOT IN (SELECT article_id FROM article_search_cjk)
    )`
    : sql``
  const rows = await db.all<Omit<Row, 'snippet'> & { body: string }>(sql`
    WITH cjk_candidates AS (
      SELECT rowid FROM article_search_cjk WHERE article_search_cjk MATCH ${query.cjk}
      ORDER BY rowid DESC LIMIT ${candidates}
    ),
    cjk_ranked AS (
      SELECT article_id AS id, bm25(article_search_cjk, 0.0, 10.0, 1.0, 4.0, 3.0) AS rank
      FROM article_search_cjk
      WHERE article_search_cjk MATCH ${query.cjk}
        AND rowid >= (SELECT min(rowid) FROM cjk_candidates)
    )${words},
    ranked AS (
      SELECT * FROM cjk_ranked ${query.words ? sql`UNION ALL SELECT * FROM word_ranked` : sql``}
    ),
    page AS (
      SELECT ranked.* FROM ranked
      WHERE 1 ${after}
      ORDER BY ranked.rank, ranked.id
      LIMIT ${limit + 1}
    )
    SELECT a.id, a.slug, a.title, a.headline, a.kicker, a.summary, a.published_at, a.updated_at,
           a.revision, a.word_count, page.rank,
           (SELECT group_concat(text, char(10) || char(10)) FROM (
              SELECT text FROM blocks WHERE blocks.article_id = a.id ORDER BY position)) AS body
    FROM page
    JOIN articles a ON a.id = page.id AND a.deleted_at IS NULL
    ORDER BY page.rank, page.id`)
  // Like snippet(): a passage of the body when a term is in it, else of the headline.
  return rows.map(({ body, ...row }) => {
    const inBody = textSnippet(body ?? '', query.marks)
    const inTitle = inBody.includes(MARK_START) ? '' : textSnippet(row.title, query.marks)
    return { ...row, snippet: inTitle.includes(MARK_START) ? inTitle : inBody }
  })
}
