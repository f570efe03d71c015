import { createDb } from '../db/client'
import { readEpoch } from '../db/epochs'

/**
 * Scope epochs this isolate has read from D1, reused for a short window so a hot page costs no
 * I/O at all. A write committed in this isolate forgets them all at once (writesCommitted), and a
 * read that overlapped a write does not remember what it read: in one isolate, no view that starts
 * after a write is acknowledged can see an epoch from before it. Other isolates may serve the
 * previous page for at most the window.
 */
const MAX_SCOPES = 10_000
const remembered = new Map<string, { epoch: number; readAt: number }>()
let writes = 0

export async function currentEpoch(
  d1: D1Database,
  scope: string,
  freshnessMs: number,
): Promise<number> {
  const known = remembered.get(scope)
  if (known && Date.now() - known.readAt < freshnessMs) return known.epoch
  const writesBefore = writes
  const readAt = Date.now()
  const epoch = await readEpoch(createDb(d1), scope)
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
