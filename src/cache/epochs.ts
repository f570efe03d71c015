import type { Db } from '../db/client'
import { readEpoch } from '../db/epochs'

/**
 * Scope epochs this isolate has read from D1, reused for a short window so a hot page costs no
 * I/O at all. A write committed in this isolate forgets them all at once (writesCommitted), and a
 * read that overlapped a write does not remember what it read: in one isolate, no view that starts
 * after a write is acknowledged can see an epoch from before it, while reads go to the primary.
 * Other isolates may serve the previous page for at most the window. With read replicas, a read
 * may be a replica's older epoch; a client that wrote sends its bookmark instead, and its views
 * never use a remembered epoch (http/cached-page.ts).
 */
const MAX_SCOPES = 10_000
const remembered = new Map<string, { epoch: number; readAt: number }>()
let writes = 0

/** The scope's epoch as this isolate read it from D1 less than `freshnessMs` ago, if it did. */
export function rememberedEpoch(scope: string, freshnessMs: number): number | undefined {
  const known = remembered.get(scope)
  return known && Date.now() - known.readAt < freshnessMs ? known.epoch : undefined
}

/** The scope's epoch from D1, remembered for the window unless a write committed meanwhile. */
export async function currentEpoch(db: Db, scope: string, freshnessMs: number): Promise<number> {
  const writesBefore = writes
  const readAt = Date.now()
  const epoch = await readEpoch(db, scope)
  if (freshnessMs > 0 && writes === writesBefore) {
    remembered.delete(scope)
    if (remembered.size >= MAX_SCOPES) remembered.delete(remembered.keys().next().value!)
    remembered.set(scope, { epoch, readAt })
  }
  return epoch
}

/** Called once a write's batch has committed, before the write is acknowledged. */
export function writesCommitted(): void {
  writes++
  remembered.clear()
}
