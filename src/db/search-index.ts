import { eq } from 'drizzle-orm'
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { NormalizedArticle } from '../model/article'
import { CJK, cjkIndexText } from './cjk-text'
import type { Db, Statement } from './client'
import { insertRows } from './rows'

const searchColumns = {
  articleId: text('article_id').notNull(),
  headline: text('headline').notNull(),
  body: text('body').notNull(),
  authors: text('authors').notNull(),
  tags: text('tags').notNull(),
}

/**
 * The FTS5 table created by drizzle/0003_search.sql. Declared here, outside schema.ts, so that
 * drizzle-kit does not try to create it as a plain table, and so that writes to it are query
 * builders that fit in db.batch() (drizzle's raw `sql` statements with parameters do not).
 */
export const articleSearch = sqliteTable('article_search', searchColumns)

/**
 * The CJK index (drizzle/0012_cjk_search.sql): the same columns as CJK bigrams (see cjk-text.ts),
 * for the published articles with CJK text only; an article without any costs it nothing.
 */
export const articleSearchCjk = sqliteTable('article_search_cjk', searchColumns)

/** Both indexes' rows of an article go. */
export const removeFromSearch = (db: Db, articleId: string): Statement[] => [
  db.delete(articleSearch).where(eq(articleSearch.articleId, articleId)),
  db.delete(articleSearchCjk).where(eq(articleSearchCjk.articleId, articleId)),
]

/** What the search index holds for one article. */
export const searchRow = (articleId: string, article: NormalizedArticle) => ({
  articleId,
  headline: article.title,
  body: article.body
    .map((block) => (block.type === 'list' ? block.items.join('\n') : block.text))
    .join('\n\n'),
  authors: article.authors.map((a) => a.name).join(', '),
  tags: article.tags.map((t) => t.name).join(', '),
})

type SearchRow = ReturnType<typeof searchRow>

/**
 * Characters of a body the CJK index holds: a bigram takes up to three times its characters'
 * bytes, and a row must stay well under D1's 2 MB value limit (the largest article stores 1.5 MB
 * of text). The migration cuts at the same place (drizzle/0012).
 */
export const CJK_BODY_CHARS = 120_000

const firstChars = (text: string, n: number) =>
  text.length <= n ? text : Array.from(text).slice(0, n).join('')

/** The CJK index's row for a word index row, or null when its text has no CJK character. */
export function cjkSearchRow(row: SearchRow): SearchRow | null {
  const { articleId, ...text } = row
  if (!Object.values(text).some((t) => CJK.test(t))) return null
  return {
    articleId,
    headline: cjkIndexText(text.headline),
    body: cjkIndexText(firstChars(text.body, CJK_BODY_CHARS)),
    authors: cjkIndexText(text.authors),
    tags: cjkIndexText(text.tags),
  }
}

/** An article's rows in both indexes (the CJK one only when it has CJK text). */
export function addToSearch(db: Db, articleId: string, article: NormalizedArticle): Statement[] {
  const row = searchRow(articleId, article)
  const cjk = cjkSearchRow(row)
  return [
    insertRows(db, articleSearch, [row]),
    ...(cjk ? [insertRows(db, articleSearchCjk, [cjk])] : []),
  ]
}
