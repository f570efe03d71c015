import { commit } from '../articles/write'
import {
  archiveFrom,
  archiveKey,
  chunkKey,
  loadAside,
  putChunk,
  saveAside,
} from '../blobs/archives'
import { getJob, splitStatements, type JobRow, type SplitPosition } from '../db/imports'
import { encodeChunk, type ChunkItem } from './chunk'
import type { ImportMessage, Imports } from './context'
import { splitGhost } from './formats/ghost'
import { multipartSplitter } from './formats/multipart'
import { splitNdjson } from './formats/ndjson'
import { InvalidText } from './formats/text-run'
import type { ArchiveReader, ResumePoint, Splitter } from './formats/types'
import { splitWxr } from './formats/wxr'

/** Entries passed over (pages, attachments) after which progress is saved even without a chunk. */
const PASSED_OVER_PER_SAVE = 1000

/**
 * Splits a job's archive into chunks, from where the last invocation stopped: each chunk is
 * stored in R2, then recorded in D1 with the job's progress (one batch), then sent to the queue.
 * After `chunksPerSplit` chunks the rest is handed to another invocation, so none runs long. A
 * chunk recorded but never sent (the process killed between) is sent by the sweeper.
 */
export async function splitArchive(imports: Imports, jobId: string): Promise<void> {
  const job = await getJob(imports.db, jobId)
  if (!job || job.split || job.finishedAt) return
  const { limits } = imports
  let position: SplitPosition = { chunks: job.chunks, splitAt: job.splitAt }
  let resume: ResumePoint = { at: job.splitAt, state: job.splitState }
  let { total, skipped } = job
  let pending: ChunkItem[] = []
  let pendingBytes = 0
  let passedOver = 0
  let chunksSent = 0

  /** Records what was read up to `resume`; false when another splitter of the job is ahead. */
  const save = async (split: boolean): Promise<boolean> => {
    const chunk =
      pending.length === 0
        ? null
        : {
            seq: position.chunks,
            first: pending[0]!.seq,
            items: pending.length,
            key: chunkKey(job.id, position.chunks, position.splitAt),
          }
    if (chunk) await putChunk(imports.originals, chunk.key, encodeChunk(pending))
    const progress = { total, skipped, splitAt: resume.at, splitState: resume.state, split }
    const results = await commit(
      imports.db,
      splitStatements(imports.db, job.id, position, chunk, progress),
    )
    if ((results[chunk ? 1 : 0] as unknown[]).length === 0) return false
    position = { chunks: position.chunks + (chunk ? 1 : 0), splitAt: resume.at }
    pending = []
    pendingBytes = 0
    passedOver = 0
    if (chunk) {
      chunksSent++
      await send(imports, { kind: 'chunk', job: job.id, seq: chunk.seq })
    }
    return true
  }

  const splitter = splitterOf(job)
  try {
    for await (const found of splitter(readerOf(imports, job), resume, limits)) {
      if (found.item === null) {
        passedOver++
        skipped++
      } else if (total >= limits.maxItems) {
        pending.push({ seq: total++, ref: found.item.ref, problem: tooMany(limits.maxItems) })
        break
      } else {
        pending.push({ ...found.item, seq: total++ })
        pendingBytes += 'bytes' in found.item ? found.item.bytes.length : 0
      }
      if (!found.next) continue
      resume = found.next
      const full = pending.length >= limits.chunkItems || pendingBytes >= limits.chunkBytes
      if (!full && passedOver < PASSED_OVER_PER_SAVE) continue
      if (!(await save(false))) return
      if (chunksSent >= limits.chunksPerSplit) {
        await send(imports, { kind: 'split', job: job.id })
        return
      }
    }
  } catch (error) {
    if (!(error instanceof InvalidText)) throw error
    pending.push({
      seq: total++,
      ref: { offset: error.byte },
      problem: { code: 'invalid_utf8', message: `${error.message}; nothing after it was read.` },
    })
  }
  await save(true)
}

/** A message for the queue; if it cannot be sent, the sweeper sends it once the job is quiet. */
export async function send(imports: Imports, message: ImportMessage): Promise<void> {
  try {
    await imports.queue.send(message, { contentType: 'json' })
  } catch (error) {
    console.error('could not queue', message, String(error))
  }
}

function splitterOf(job: JobRow): Splitter {
  switch (job.format) {
    case 'ndjson':
      return splitNdjson
    case 'multipart':
      return multipartSplitter(job.contentType)
    case 'wxr':
      return splitWxr
    case 'ghost':
      return splitGhost
  }
}

function readerOf(imports: Imports, job: JobRow): ArchiveReader {
  const bucket = imports.originals
  return {
    // R2 refuses a range that starts at the end: an archive read to its last byte is empty.
    from: async (offset) =>
      offset < job.bytes ? archiveFrom(bucket, archiveKey(job.id), offset) : new Blob([]).stream(),
    load: (name) => loadAside(bucket, job.id, name),
    save: (name, text) => saveAside(bucket, job.id, name, text),
  }
}

const tooMany = (max: number) => ({
  code: 'too_many_items',
  message: `An import holds at most ${max} items; nothing after item ${max} was read. Import the rest as another job.`,
})
