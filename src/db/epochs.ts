import { eq, sql } from 'drizzle-orm'
import { chunkRows } from './limits'
import type { Db, Statement } from './client'
import { rendered, renderedWithLists } from './rendered'
import { cacheEpochs } from './schema'

const epochOf = rendered((db) =>
  db
    .select({ epoch: cacheEpochs.epoch })
    .from(cacheEpochs)
    .where(eq(cacheEpochs.scope, sql.placeholder('scope'))),
)

/** The current epoch of a cache scope (0 when nothing has ever changed it). */
export async function readEpoch(db: Db, scope: string): Promise<number> {
  const row = await epochOf.get(db, { scope })
  return row?.epoch ?? 0
}

const bump = renderedWithLists((db, scopes = []) =>
  db
    .insert(cacheEpochs)
    .values(scopes.map((scope) => ({ scope, epoch: sql.placeholder('epoch') })))
    .onConflictDoUpdate({
      target: cacheEpochs.scope,
      set: { epoch: sql`max(${cacheEpochs.epoch} + 1, excluded.epoch)` },
    }),
)

/** Statements that move each scope to a new epoch, for the batch of the write that changes it. */
export function bumpEpochs(db: Db, scopes: readonly string[]): Statement[] {
  // Epochs count up from the clock, not from 1: a database restored to an earlier point (D1 Time
  // Travel) or recreated never reuses an epoch whose pages KV still holds.
  const epoch = Date.now() * 1000
  return chunkRows([...new Set(scopes)], 2).map((chunk) => bump.statement(db, [chunk], { epoch }))
}
