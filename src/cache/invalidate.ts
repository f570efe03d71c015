import { sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../db/client'
import { cacheEpochs } from '../db/schema'
import { chunkRows } from '../db/limits'

/**
 * The one cache-invalidation function: every write path adds its result to the write's own batch.
 * Bumping an epoch retires every KV page key that embedded the old one, atomically with the data
 * change, so no reader anywhere can be handed a page older than an acknowledged write (old keys
 * simply stop being read and expire). KV itself is never asked to delete or overwrite a key, which
 * sidesteps both its eventual consistency and its one-write-per-second-per-key limit.
 */
export function invalidate(db: Db, scopes: readonly string[]): BatchItem<'sqlite'>[] {
  const unique = [...new Set(scopes)]
  // Epochs count up from the clock, not from 1: a database restored to an earlier point (D1 Time
  // Travel) or recreated never reuses an epoch whose pages KV still holds.
  const epoch = Date.now() * 1000
  return chunkRows(unique, 2).map((chunk) =>
    db
      .insert(cacheEpochs)
      .values(chunk.map((scope) => ({ scope, epoch })))
      .onConflictDoUpdate({
        target: cacheEpochs.scope,
        set: { epoch: sql`max(${cacheEpochs.epoch} + 1, excluded.epoch)` },
      }),
  )
}

/**
 * What a write does once its batch (with `invalidate`'s statements) has committed, before it is
 * acknowledged: this isolate stops reusing the epochs it read.
 */
export { writesCommitted as afterInvalidatingCommit } from './epochs'
