import { desc, eq, isNull } from 'drizzle-orm'
import type { Db } from './client'
import { previewKeys, type PreviewKeyRow } from './schema'

/** Queries of the keys that sign preview links: SQL only; signing is src/previews/. */

const currentKeyQuery = (db: Db) =>
  db
    .select()
    .from(previewKeys)
    .where(isNull(previewKeys.retiredAt))
    .orderBy(desc(previewKeys.createdAt), desc(previewKeys.id))
    .limit(1)

/**
 * The key new links are signed with, made from `candidate` when there is none. Two first links
 * made at once may make two keys: each signs good links until a re-key retires both.
 */
export async function currentKey(
  db: Db,
  candidate: { id: string; secret: string },
): Promise<PreviewKeyRow> {
  const [current] = await currentKeyQuery(db)
  if (current) return current
  const [made] = await db.insert(previewKeys).values(candidate).returning()
  return made!
}

export async function keyById(db: Db, id: string): Promise<PreviewKeyRow | undefined> {
  const [row] = await db.select().from(previewKeys).where(eq(previewKeys.id, id)).limit(1)
  return row
}

/** Retires every current key; how many there were (none: no link was ever signed). */
export async function retireKeys(db: Db, at: string): Promise<number> {
  const retired = await db
    .update(previewKeys)
    .set({ retiredAt: at })
    .where(isNull(previewKeys.retiredAt))
    .returning({ id: previewKeys.id })
  return retired.length
}
