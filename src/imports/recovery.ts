import { commit } from '../articles/write'
import {
  finishIfComplete,
  getChunk,
  getJob,
  jobFailed,
  markNudged,
  pendingChunks,
  quietJobs,
} from '../db/imports'
import type { ImportMessage, Imports } from './context'
import { send } from './split'
import { giveUpChunk } from './store-chunk'

/**
 * A message the queue gave up on, every retry failed: what it was for ends, so no job waits on
 * it forever. A chunk's items without an outcome become failed and retryable; a split that
 * could not go on fails the job, which POST /api/imports/:id/retry reads on from where it stopped.
 */
export async function deadLetter(imports: Imports, message: ImportMessage): Promise<void> {
  if (message.kind === 'chunk') {
    const chunk = await getChunk(imports.db, message.job, message.seq)
    if (!chunk || chunk.status === 'done') return
    await giveUpChunk(imports, chunk, {
      code: 'chunk_failed',
      message: 'Storing this item failed on every attempt; retry the import to try it again.',
    })
    return
  }
  const job = await getJob(imports.db, message.job)
  if (!job || job.split) return
  await commit(imports.db, [
    jobFailed(
      imports.db,
      job.id,
      'split_failed',
      `Reading the archive failed on every attempt at byte ${job.splitAt}; retry the import to read on from there.`,
    ),
  ])
}

/** Jobs looked at per sweep; the rest wait for the next minute. */
const JOBS_PER_SWEEP = 20
/** Chunks sent again per job per sweep (one sendBatch holds at most 100 messages). */
const CHUNKS_PER_SWEEP = 100

/**
 * Runs every minute (cron). A job without progress for `quietMs` has its work sent again: a
 * message can be lost (a process killed before the queue took it, a local queue emptied by a
 * restart), and D1 still says what is left. One without progress for `stallMs` is ended: its
 * unfinished items are failed and retryable, and a split that never finished fails the job.
 */
export async function sweep(
  imports: Imports,
  now = Date.now(),
): Promise<{ nudged: number; ended: number }> {
  const { db, limits } = imports
  const at = new Date(now).toISOString()
  const jobs = await quietJobs(db, new Date(now - limits.quietMs).toISOString(), JOBS_PER_SWEEP)
  let nudged = 0
  let ended = 0
  for (const job of jobs) {
    const chunks = await pendingChunks(db, job.id, CHUNKS_PER_SWEEP)
    if (Date.parse(job.updatedAt) < now - limits.stallMs) {
      const failure = {
        code: 'stalled',
        message:
          'The import made no progress for too long; retry the import to try this item again.',
      }
      for (const chunk of chunks) await giveUpChunk(imports, chunk, failure)
      const statements = job.split
        ? [finishIfComplete(db, job.id)]
        : [
            jobFailed(
              db,
              job.id,
              'stalled',
              `The import made no progress for too long, its archive read to byte ${job.splitAt}; retry the import to read on.`,
            ),
          ]
      await commit(db, [...statements, markNudged(db, job.id, at)])
      ended++
      continue
    }
    if (!job.split) await send(imports, { kind: 'split', job: job.id })
    if (chunks.length > 0) {
      try {
        await imports.queue.sendBatch(
          chunks.map((c) => ({
            body: { kind: 'chunk', job: job.id, seq: c.seq },
            contentType: 'json',
          })),
        )
      } catch (error) {
        console.error('could not queue chunks again', job.id, String(error))
      }
    }
    await commit(db, [finishIfComplete(db, job.id), markNudged(db, job.id, at)])
    nudged++
  }
  return { nudged, ended }
}
