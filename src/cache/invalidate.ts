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
  return chunkRows(unique, 2).map((chunk) =>
    db
      .insert(cacheEpochs)
      .values(chunk.map((scope) => ({ scope, epoch: 1 })))
      .onConflictDoUpdate({
        target: cacheEpochs.scope,
        set: { epoch: sql`${cacheEpochs.epoch} + 1` },
      }),
  )
}
