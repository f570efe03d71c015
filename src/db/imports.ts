import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { ItemRef, ItemStatus } from '../model/imports'
import type { Db, Statement } from './client'
import { chunkByParameters } from './limits'
import { boundParameters, insertRows } from './rows'
import { articles, importChunks, importItems, importJobs } from './schema'

/**
 * Import jobs' records. D1 is the one record of a job's progress: what was split off the archive
 * (chunks) and what became of each item, each outcome written in the batch of the write it
 * describes. Queue messages only say what to do next.
 */

export type JobRow = typeof importJobs.$inferSelect
export type ChunkRow = typeof importChunks.$inferSelect
export type ItemRow = typeof importItems.$inferSelect

const now = () => new Date().toISOString()

export const insertJob = (db: Db, job: typeof importJobs.$inferInsert) =>
  db.insert(importJobs).values(job)

export const getJob = (db: Db, id: string) =>
  db.select().from(importJobs).where(eq(importJobs.id, id)).get()

/** Items recorded so far, by status. */
export async function itemCounts(db: Db, jobId: string): Promise<Record<ItemStatus, number>> {
  const rows = await db
    .select({ status: importItems.status, n: sql<number>`count(*)` })
    .from(importItems)
    .where(eq(importItems.jobId, jobId))
    .groupBy(importItems.status)
    .all()
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 }
  for (const row of rows) counts[row.status] = row.n
  return counts
}

/** Jobs, newest first, after a (createdAt, id) cursor. */
export const listJobs = (db: Db, limit: number, after: { createdAt: string; id: string } | null) =>
  db
    .select()
    .from(importJobs)
    .where(
      after
        ? or(
            lt(importJobs.createdAt, after.createdAt),
            and(eq(importJobs.createdAt, after.createdAt), lt(importJobs.id, after.id)),
          )
        : undefined,
    )
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(limit + 1)
    .all()

/** A page of a job's items (of one status, or all) in archive order, with their slugs. */
export const listItems = (
  db: Db,
  jobId: string,
  status: ItemStatus | null,
  after: number,
  limit: number,
) =>
  db
    .select({ item: importItems, slug: articles.slug })
    .from(importItems)
    .leftJoin(articles, eq(articles.id, importItems.articleId))
    .where(
      and(
        eq(importItems.jobId, jobId),
        gt(importItems.seq, after),
        status === null ? undefined : eq(importItems.status, status),
      ),
    )
    .orderBy(asc(importItems.seq))
    .limit(limit + 1)
    .all()

export const getChunk = (db: Db, jobId: string, seq: number) =>
  db
    .select()
    .from(importChunks)
    .where(and(eq(importChunks.jobId, jobId), eq(importChunks.seq, seq)))
    .get()

/** The outcomes already recorded for a run of items (a chunk's). */
export const recordedItems = (db: Db, jobId: string, first: number, count: number) =>
  db
    .select({ seq: importItems.seq, status: importItems.status, retryable: importItems.retryable })
    .from(importItems)
    .where(
      and(
        eq(importItems.jobId, jobId),
        sql`${importItems.seq} BETWEEN ${first} AND ${first + count - 1}`,
      ),
    )
    .all()

export interface ItemRecord {
  jobId: string
  seq: number
  ref: ItemRef | null
  status: ItemStatus
  articleId?: string
  revision?: number
  code?: string
  message?: string
  retryable?: boolean
}

/**
 * An item's outcome, written in the batch of the write it describes. A later outcome replaces
 * only a failure (a retry that stored the item); a success is never overwritten, so a message
 * delivered twice keeps the first outcome.
 */
export const recordItem = (db: Db, record: ItemRecord): Statement => recordItems(db, [record])[0]!

/** Items' outcomes (see recordItem), merged into as few inserts as D1's parameter limit allows. */
export function recordItems(db: Db, records: ItemRecord[]): Statement[] {
  const rows = records.map((record) => {
    const ref = record.ref
    return {
      jobId: record.jobId,
      seq: record.seq,
      status: record.status,
      line: ref && 'line' in ref ? ref.line : null,
      file: ref && 'file' in ref ? ref.file : null,
      guid: ref && 'guid' in ref ? ref.guid : null,
      byteOffset: ref && 'offset' in ref ? ref.offset : null,
      articleId: record.articleId ?? null,
      revision: record.revision ?? null,
      code: record.code ?? null,
      message: record.message ?? null,
      retryable: record.retryable ?? false,
    }
  })
  // The conflict clause binds one parameter of its own.
  return chunkByParameters(rows, boundParameters, 1).map((chunk) =>
    insertRows(db, importItems, chunk, {
      target: ['jobId', 'seq'],
      update: ['status', 'articleId', 'revision', 'code', 'message', 'retryable'],
      where: { column: 'status', equals: 'failed' },
    }),
  )
}

/**
 * Every item of a run not yet recorded, recorded as failed (a chunk that could not be stored);
 * items already recorded keep their outcome.
 */
export const failUnrecorded = (
  db: Db,
  jobId: string,
  run: { first: number; items: number },
  failure: { code: string; message: string; retryable: boolean },
) =>
  // Every column, in the table's order; `WHERE true` keeps SQLite from reading ON CONFLICT as a join.
  db
    .insert(importItems)
    .select(
      sql`WITH RECURSIVE n(seq) AS (
            SELECT ${run.first} UNION ALL SELECT seq + 1 FROM n WHERE seq < ${run.first + run.items - 1}
          )
          SELECT ${jobId}, seq, 'failed', NULL, NULL, NULL, NULL, NULL, NULL,
                 ${failure.code}, ${failure.message}, ${failure.retryable ? 1 : 0}
          FROM n WHERE true`,
    )
    .onConflictDoNothing()

/** Where splitting stood when a splitter read the job: its progress is guarded by it. */
export interface SplitPosition {
  chunks: number
  splitAt: number
}

/** What a splitter has read so far. */
export interface SplitProgress {
  total: number
  skipped: number
  splitAt: number
  splitState: string | null
  /** The whole archive is read. */
  split: boolean
}

/**
 * A chunk split off the archive (or none), and the job's progress with it, in one batch. Both
 * apply only while the job is where the splitter found it, so two splitters of one job (a message
 * delivered twice) never both count a chunk: the job update returns no row for the one behind.
 */
export function splitStatements(
  db: Db,
  jobId: string,
  from: SplitPosition,
  chunk: { seq: number; first: number; items: number; key: string } | null,
  progress: SplitProgress,
): Statement[] {
  const atPosition = and(
    eq(importJobs.id, jobId),
    eq(importJobs.chunks, from.chunks),
    eq(importJobs.splitAt, from.splitAt),
    isNull(importJobs.finishedAt),
  )
  const statements: Statement[] = []
  if (chunk) {
    statements.push(
      db
        .insert(importChunks)
        .select(
          sql`SELECT ${jobId}, ${chunk.seq}, ${chunk.first}, ${chunk.items}, ${chunk.key}, 'pending', ${now()}
              WHERE EXISTS (SELECT 1 FROM import_jobs WHERE id = ${jobId} AND chunks = ${from.chunks}
                            AND split_at = ${from.splitAt} AND finished_at IS NULL)`,
        )
        .onConflictDoNothing(),
    )
  }
  statements.push(
    db
      .update(importJobs)
      .set({
        status: 'running',
        ...progress,
        chunks: from.chunks + (chunk ? 1 : 0),
        updatedAt: now(),
      })
      .where(atPosition)
      .returning({ id: importJobs.id }),
  )
  if (progress.split) statements.push(finishIfComplete(db, jobId))
  return statements
}

/**
 * Ends a job once its archive is read and every item has an outcome: `done`, or `failed` when
 * not one item was stored. Run with each chunk's last write; only the first run that finds the
 * job complete changes it.
 */
const anyStored = (jobId: string) =>
  sql`EXISTS (SELECT 1 FROM import_items WHERE job_id = ${jobId} AND status <> 'failed')`

export const finishIfComplete = (db: Db, jobId: string) =>
  db
    .update(importJobs)
    .set({
      status: sql`CASE WHEN ${anyStored(jobId)} THEN 'done' ELSE 'failed' END`,
      // A failed job says why: its items' reasons are at /items, or it had none to store.
      errorCode: sql`CASE WHEN ${anyStored(jobId)} THEN NULL
                          WHEN ${importJobs.total} = 0 THEN 'no_articles'
                          ELSE 'nothing_stored' END`,
      error: sql`CASE WHEN ${anyStored(jobId)} THEN NULL
                      WHEN ${importJobs.total} = 0
                        THEN 'The archive holds no article to import (' || ${importJobs.skipped} || ' items passed over).'
                      ELSE 'Not one item was stored: their reasons are at items?status=failed.' END`,
      finishedAt: now(),
      updatedAt: now(),
    })
    .where(
      and(
        eq(importJobs.id, jobId),
        eq(importJobs.split, true),
        isNull(importJobs.finishedAt),
        sql`${importJobs.total} = (SELECT count(*) FROM import_items WHERE job_id = ${jobId})`,
      ),
    )

/** A chunk whose every item has an outcome; the job's progress, and maybe its end. */
export const chunkFinished = (db: Db, jobId: string, seq: number): Statement[] => [
  db
    .update(importChunks)
    .set({ status: 'done', updatedAt: now() })
    .where(and(eq(importChunks.jobId, jobId), eq(importChunks.seq, seq))),
  db.update(importJobs).set({ updatedAt: now() }).where(eq(importJobs.id, jobId)),
  finishIfComplete(db, jobId),
]

/** A job whose archive could not be read to its end: failed now, its chunks still stored. */
export const jobFailed = (db: Db, jobId: string, code: string, message: string) =>
  db
    .update(importJobs)
    .set({ status: 'failed', errorCode: code, error: message, finishedAt: now(), updatedAt: now() })
    .where(and(eq(importJobs.id, jobId), isNull(importJobs.finishedAt)))

/** A job whose splitting failed, made to read on from where it stopped. */
export const reopenSplit = (db: Db, jobId: string) =>
  db
    .update(importJobs)
    .set({ status: 'running', errorCode: null, error: null, finishedAt: null, updatedAt: now() })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.split, false)))
    .returning({ id: importJobs.id })

/** The chunks holding a job's retryable failures. */
export async function chunksToRetry(db: Db, jobId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ seq: importChunks.seq })
    .from(importChunks)
    .innerJoin(
      importItems,
      and(
        eq(importItems.jobId, importChunks.jobId),
        sql`${importItems.seq} BETWEEN ${importChunks.first} AND ${importChunks.first} + ${importChunks.items} - 1`,
      ),
    )
    .where(
      and(
        eq(importChunks.jobId, jobId),
        eq(importItems.status, 'failed'),
        eq(importItems.retryable, true),
      ),
    )
    .orderBy(asc(importChunks.seq))
    .all()
  return rows.map((r) => r.seq)
}

/** Chunks made pending again (at most 90 a call: D1's bound-parameter limit). */
export const reopenChunks = (db: Db, jobId: string, seqs: number[]): Statement[] => [
  db
    .update(importChunks)
    .set({ status: 'pending', updatedAt: now() })
    .where(and(eq(importChunks.jobId, jobId), inArray(importChunks.seq, seqs))),
  db
    .update(importJobs)
    .set({ status: 'running', finishedAt: null, updatedAt: now() })
    .where(eq(importJobs.id, jobId)),
]

/** Unfinished jobs with no progress since `before`, not nudged since then either. */
export const quietJobs = (db: Db, before: string, limit: number) =>
  db
    .select()
    .from(importJobs)
    .where(
      and(
        inArray(importJobs.status, ['queued', 'running']),
        isNull(importJobs.finishedAt),
        lt(importJobs.updatedAt, before),
        or(isNull(importJobs.nudgedAt), lt(importJobs.nudgedAt, before)),
      ),
    )
    .orderBy(asc(importJobs.updatedAt))
    .limit(limit)
    .all()

export const markNudged = (db: Db, jobId: string, at: string) =>
  db.update(importJobs).set({ nudgedAt: at }).where(eq(importJobs.id, jobId))

/** A job's chunks still pending, first first. */
export const pendingChunks = (db: Db, jobId: string, limit: number) =>
  db
    .select()
    .from(importChunks)
    .where(and(eq(importChunks.jobId, jobId), eq(importChunks.status, 'pending')))
    .orderBy(asc(importChunks.seq))
    .limit(limit)
    .all()
