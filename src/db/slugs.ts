import { eq, like, or } from 'drizzle-orm'
import type { Db } from './client'
import { articles } from './schema'

/** The first of `base`, `base-2`, `base-3`, … that no article uses yet. */
export async function findSlug(db: Db, base: string): Promise<string> {
  const taken = await db
    .select({ slug: articles.slug })
    .from(articles)
    .where(or(eq(articles.slug, base), like(articles.slug, `${base}-%`)))
    .all()
  const used = new Set(taken.map((row) => row.slug))
  if (!used.has(base)) return base
  let n = 2
  while (used.has(`${base}-${n}`)) n++
  return `${base}-${n}`
}
