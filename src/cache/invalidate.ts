import type { Db, Statement } from '../db/client'
import { bumpEpochs } from '../db/epochs'
import { writesCommitted } from './epochs'

/**
 * The one cache-invalidation function: every write path adds its result to the write's own batch.
 * Bumping an epoch retires every KV page key that embedded the old one, atomically with the data
 * change, so no reader anywhere can be handed a page older than an acknowledged write (old keys
 * simply stop being read and expire). KV itself is never asked to delete or overwrite a key, which
 * sidesteps both its eventual consistency and its one-write-per-second-per-key limit.
 */
export function invalidate(db: Db, scopes: readonly string[]): Statement[] {
  return bumpEpochs(db, scopes)
}

/**
 * What a write does once its batch (with `invalidate`'s statements) has committed, before it is
 * acknowledged: this isolate stops reusing the epochs it read.
 */
export const afterInvalidatingCommit = writesCommitted
