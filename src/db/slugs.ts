import { and, eq, gte, lt, or } from 'drizzle-orm'
import type { Db } from './client'
import { articles } from './schema'

/**
 * The first of `base`, `base-2`, `base-3`, … that no article uses yet. Slugs that start with
 * `base-` are found as the range [`base-`, `base.`) ('.' follows '-' in ASCII): it uses the slug
 * index, and unlike LIKE it has no 50-byte pattern limit in D1.
 */
export async function findSlug(db: Db, base: string): Promise<string> {
  const taken = await db
    .select({ slug: articles.slug })
    .from(articles)
    .where(
      or(
        eq(articles.slug, base),
        and(gte(articles.slug, `${base}-`), lt(articles.slug, `${base}.`)),
      ),
    )
    .all()
  const used = new Set(taken.map((row) => row.slug))
  if (!used.has(base)) return base
  let n = 2
  while (used.has(`${base}-${n}`)) n++
  return `${base}-${n}`
}
