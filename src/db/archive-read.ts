import { and, desc, gte, lt, sql } from 'drizzle-orm'
import type { MonthCount } from '../model/archive'
import type { Db } from './client'
import { isListed } from './listing-read'
import { articles } from './schema'

/**
 * The archive by month: months are the first seven characters of an article's sort key, which is
 * its publication date. Undated articles' keys start with `!` (see src/articles/sort-key.ts) and so
 * belong to no month.
 */
const dated = () => gte(articles.sortKey, '0')
const monthOf = sql<string>`substr(${articles.sortKey}, 1, 7)`

/** Every month with a published article, newest first, with how many it has. */
export const listMonths = (db: Db): Promise<MonthCount[]> =>
  db
    .select({ month: monthOf, count: sql<number>`count(*)` })
    .from(articles)
    .where(and(isListed(), dated()))
    .groupBy(monthOf)
    .orderBy(desc(monthOf))
    .all()

/** The nearest months before and after `month` (`YYYY-MM`) that have a published article. */
export async function neighbourMonths(db: Db, month: string, following: string) {
  const [before, after] = await db.batch([
    db
      .select({ key: sql<string | null>`max(${articles.sortKey})` })
      .from(articles)
      .where(and(isListed(), dated(), lt(articles.sortKey, month))),
    db
      .select({ key: sql<string | null>`min(${articles.sortKey})` })
      .from(articles)
      .where(and(isListed(), gte(articles.sortKey, following))),
  ])
  const monthAt = (rows: { key: string | null }[]) => rows[0]?.key?.slice(0, 7) ?? null
  return { previous: monthAt(before), next: monthAt(after) }
}
