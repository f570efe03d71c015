import { CONTENT_TYPES } from '../articles/media-type'
import { commit } from '../articles/write'
import { storeGroup, type Planned } from '../articles/write-group'
import { dropObjects, readChunk } from '../blobs/archives'
import {
  chunkFinished,
  failUnrecorded,
  getChunk,
  recordedItems,
  recordItem,
  recordItems,
  type ChunkRow,
  type ItemRecord,
} from '../db/imports'
import type { Problem } from '../model/api'
import type { Upload } from '../model/upload'
import { decodeChunk, type ChunkItem } from './chunk'
import type { Imports } from './context'

/** Failures of storage or of a race, not of the item: storing it again may pass. */
const RETRYABLE = new Set(['store_failed', 'conflict', 'unavailable'])

/** Uploads stored together (storeGroup): as the bulk endpoint groups them. */
const GROUP_ITEMS = 25
const GROUP_BYTES = 4 * 1024 * 1024

/**
 * Stores one chunk's items through the write service, each item's outcome recorded in the batch
 * that stores it; then marks the chunk done (and the job, when it was the last). Items already
 * recorded (a message delivered again after a crash) are not stored again, but retryable
 * failures are. Storage failing throws: the queue delivers the message again later.
 */
export async function storeChunk(imports: Imports, jobId: string, seq: number): Promise<void> {
  const { db } = imports
  const chunk = await getChunk(db, jobId, seq)
  if (!chunk || chunk.status === 'done') return
  const items = decodeChunk(await readChunk(imports.originals, chunk.key))
  const recorded = await recordedItems(db, jobId, chunk.first, chunk.items)
  const settled = new Set(
    recorded.filter((r) => r.status !== 'failed' || !r.retryable).map((r) => r.seq),
  )
  const failures: ItemRecord[] = []
  let retryable = false
  const fail = (item: ChunkItem, problem: Problem) => {
    const again = RETRYABLE.has(problem.code)
    retryable ||= again
    failures.push({
      jobId,
      seq: item.seq,
      ref: item.ref,
      status: 'failed',
      code: problem.code,
      message: problem.message,
      retryable: again,
    })
  }

  // Whether a source may name this chunk: the originals of the items it stores are kept in it
  // (those of an earlier delivery too).
  let keeps = recorded.some((r) => r.status === 'created' || r.status === 'updated')
  let group: { item: ChunkItem; upload: Upload }[] = []
  let groupBytes = 0
  const flush = async () => {
    const taken = group
    group = []
    groupBytes = 0
    const recordOf = ({ index, result }: Planned): ItemRecord => ({
      jobId,
      seq: taken[index]!.item.seq,
      ref: taken[index]!.item.ref,
      status: result.status,
      articleId: result.articleId,
      revision: result.revision,
    })
    const outcomes = await storeGroup(
      imports,
      taken.map((g) => g.upload),
      (index) => (result) => [recordItem(db, recordOf({ index, result }))],
      (planned) => recordItems(db, planned.map(recordOf)),
    )
    outcomes.forEach((outcome, i) => {
      if ('failed' in outcome) fail(taken[i]!.item, outcome.failed)
      else if (outcome.status !== 'unchanged') keeps = true
    })
  }

  for (const item of items) {
    if (settled.has(item.seq)) continue
    if ('problem' in item) {
      fail(item, item.problem)
      continue
    }
    const { format, bytes, meta, offset } = item
    const kept = { key: chunk.key, offset }
    group.push({ item, upload: { format, contentType: CONTENT_TYPES[format], bytes, meta, kept } })
    groupBytes += bytes.length
    if (group.length >= GROUP_ITEMS || groupBytes >= GROUP_BYTES) await flush()
  }
  if (group.length > 0) await flush()
  await commit(db, [...recordItems(db, failures), ...chunkFinished(db, jobId, seq)])
  // A chunk that holds no stored item's original, with nothing left to try again, is not needed.
  if (!retryable && !keeps) await dropObjects(imports.originals, [chunk.key])
}

/**
 * A chunk the queue gave up on (every retry failed): its items without an outcome are recorded
 * as failed and retryable, with where they were in the archive when the chunk can still be read,
 * so the job ends and POST /api/imports/:id/retry can try them again.
 */
export async function giveUpChunk(
  imports: Imports,
  chunk: ChunkRow,
  failure: { code: string; message: string },
): Promise<void> {
  const { db } = imports
  const records: ItemRecord[] = []
  try {
    const recorded = await recordedItems(db, chunk.jobId, chunk.first, chunk.items)
    const settled = new Set(
      recorded.filter((r) => r.status !== 'failed' || !r.retryable).map((r) => r.seq),
    )
    for (const item of decodeChunk(await readChunk(imports.originals, chunk.key))) {
      if (settled.has(item.seq)) continue
      records.push({
        jobId: chunk.jobId,
        seq: item.seq,
        ref: item.ref,
        status: 'failed',
        ...failure,
        retryable: true,
      })
    }
  } catch (error) {
    console.warn('chunk unreadable; its failures recorded without their places', String(error))
  }
  await commit(db, [
    ...recordItems(db, records),
    failUnrecorded(db, chunk.jobId, chunk, { ...failure, retryable: true }),
    ...chunkFinished(db, chunk.jobId, chunk.seq),
  ])
}
