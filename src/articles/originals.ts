import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm'
import { putOriginal } from '../blobs/originals'
import { runBatch } from '../db/batch'
import { chunkedBytes, getSource } from '../db/history-read'
import { sourceChunks, sources } from '../db/schema'
import { sha256Hex } from '../lib/hash'
import type { Storage } from './storage'

export interface MoveReport {
  moved: number
  /** Sources whose D1 bytes do not hash to their record: left as they are, for a person. */
  refused: { sourceId: string; reason: string }[]
  /** Sources still in D1 after this pass, refused ones included. */
  remaining: number
  /** Pass it back as `after` for the next pass; null when this pass reached the end. */
  next: string | null
}

/**
 * Moves originals stored in D1 (before R2) to R2, `limit` sources a pass, in id order from
 * `after`. Each source's bytes are checked against its recorded hash and size, put under that
 * hash (R2 checks the bytes again as it takes them) and looked up there; only then, in one
 * batch, does its record name the R2 object and its D1 chunks go. A pass can stop anywhere: a
 * source is either still whole in D1 or whole in R2, and the next pass picks up what is left.
 */
export async function moveOriginalsToR2(
  storage: Storage,
  { limit, after }: { limit: number; after: string | null },
): Promise<MoveReport> {
  const { db } = storage
  const pending = await db
    .select({ id: sources.id })
    .from(sources)
    .where(and(isNull(sources.r2Key), after === null ? undefined : gt(sources.id, after)))
    .orderBy(asc(sources.id))
    .limit(limit)
    .all()
  const report: MoveReport = { moved: 0, refused: [], remaining: 0, next: null }
  for (const { id } of pending) {
    const source = await getSource(db, id)
    if (!source || source.r2Key !== null) continue
    const bytes = await chunkedBytes(db, source)
    const hash = await sha256Hex(bytes)
    if (hash !== source.sha256 || bytes.length !== source.byteLength) {
      report.refused.push({ sourceId: id, reason: 'its D1 bytes do not match its hash or size' })
      continue
    }
    const key = await putOriginal(storage.originals, hash, bytes)
    const stored = await storage.originals.head(key)
    if (stored?.size !== bytes.length) {
      report.refused.push({ sourceId: id, reason: 'R2 does not hold it whole after the put' })
      continue
    }
    await runBatch(db, [
      db
        .update(sources)
        .set({ r2Key: key })
        .where(and(eq(sources.id, id), isNull(sources.r2Key))),
      db.delete(sourceChunks).where(eq(sourceChunks.sourceId, id)),
    ])
    report.moved++
  }
  const [left] = await db
    .select({ n: sql<number>`count(*)` })
    .from(sources)
    .where(isNull(sources.r2Key))
  report.remaining = left?.n ?? 0
  report.next = pending.length === limit ? pending.at(-1)!.id : null
  return report
}
