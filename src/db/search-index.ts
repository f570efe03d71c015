import { eq } from 'drizzle-orm'
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { NormalizedArticle } from '../model/article'
import type { Db, Statement } from './client'

/**
 * The FTS5 table created by drizzle/0003_search.sql. Declared here, outside schema.ts, so that
 * drizzle-kit does not try to create it as a plain table, and so that writes to it are query
 * builders that fit in db.batch() (drizzle's raw `sql` statements with parameters do not).
 */
export const articleSearch = sqliteTable('article_search', {
  articleId: text('article_id').notNull(),
  headline: text('headline').notNull(),
  body: text('body').notNull(),
  authors: text('authors').notNull(),
  tags: text('tags').notNull(),
})

export const removeFromSearch = (db: Db, articleId: string): Statement =>
  db.delete(articleSearch).where(eq(articleSearch.articleId, articleId))

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

export const addToSearch = (db: Db, articleId: string, article: NormalizedArticle): Statement =>
  db.insert(articleSearch).values(searchRow(articleId, article))
