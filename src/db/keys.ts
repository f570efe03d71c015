import { desc, eq, sql } from 'drizzle-orm'
import type { Db } from './client'
import { apiKeys, type ApiKeyRow } from './schema'

/** Queries of API keys: SQL only; secrets and their checks are src/keys/. */

export type NewKeyRow = typeof apiKeys.$inferInsert

export async function insertKey(db: Db, row: NewKeyRow): Promise<ApiKeyRow> {
  const [stored] = await db.insert(apiKeys).values(row).returning()
  return stored!
}

/** The key whose secret has this SHA-256: one read of a unique index. */
export async function keyByHash(db: Db, secretHash: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.secretHash, secretHash)).limit(1)
  return row
}

export const listKeys = (db: Db): Promise<ApiKeyRow[]> =>
  db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)).limit(1000)

/** Deletes a key; whether there was one. */
export async function deleteKey(db: Db, id: string): Promise<boolean> {
  const gone = await db.delete(apiKeys).where(eq(apiKeys.id, id)).returning({ id: apiKeys.id })
  return gone.length > 0
}

/** Records a use, at most once a minute per key (a read stays a read most of the time). */
export async function touchKey(db: Db, id: string, now: string): Promise<void> {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      sql`${apiKeys.id} = ${id} AND (${apiKeys.lastUsedAt} IS NULL OR ${apiKeys.lastUsedAt} < strftime('%Y-%m-%dT%H:%M:%fZ', ${now}, '-60 seconds'))`,
    )
}
