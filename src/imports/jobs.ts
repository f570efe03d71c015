import { commit } from '../articles/write'
import { archiveFrom, archiveKey, dropObjects, storeArchive } from '../blobs/archives'
import {
  chunksToRetry,
  getJob,
  insertJob,
  itemCounts,
  listItems,
  listJobs,
  reopenChunks,
  reopenSplit,
  type JobRow,
} from '../db/imports'
import { decodeCursor, decodeIndexCursor, encodeCursor, encodeIndexCursor } from '../db/cursor'
import { AppError, invalidCursor, notFound } from '../errors'
import { GhostPosts } from '../ingest/ghost'
import { WxrSplitter } from '../ingest/wxr'
import { newId } from '../lib/hash'
import type { ImportFormat, ImportItem, ImportJob, ItemStatus } from '../model/imports'
import type { Imports } from './context'
import { send } from './split'

/**
 * Starts an import: the body streams into R2 (never held whole), the job is recorded, and its
 * splitting is queued. The archive is checked only as far as its start: a WordPress or Ghost
 * upload that is not one is refused here (422); everything else is found item by item.
 */
export async function createImport(
  imports: Imports,
  upload: { format: ImportFormat; contentType: string; body: ReadableStream<Uint8Array> },
): Promise<ImportJob> {
  const id = newId()
  const key = archiveKey(id)
  const stored = await storeArchive(imports.originals, key, upload.body, upload.contentType)
  try {
    if (stored.bytes === 0) throw new AppError(422, 'empty_import', 'The import holds no bytes.')
    await checkStart(imports, key, upload.format, stored.bytes)
    await insertJob(imports.db, {
      id,
      status: 'queued',
      format: upload.format,
      contentType: upload.contentType,
      archiveKey: key,
      bytes: stored.bytes,
      sha256: stored.sha256,
    })
  } catch (error) {
    await dropObjects(imports.originals, [key])
    throw error
  }
  await send(imports, { kind: 'split', job: id })
  return (await importJob(imports, id))!
}

/** What a WordPress or Ghost export starts with, read far enough to know it is one. */
const START_BYTES = 64 * 1024

async function checkStart(imports: Imports, key: string, format: ImportFormat, bytes: number) {
  if (format !== 'wxr' && format !== 'ghost') return
  const start = new Uint8Array(
    await new Response(await archiveFrom(imports.originals, key, 0, START_BYTES)).arrayBuffer(),
  )
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(start, {
    stream: true,
  })
  const reader = format === 'wxr' ? new WxrSplitter() : new GhostPosts()
  const events = [...reader.write(text), ...(bytes <= START_BYTES ? reader.end() : [])]
  const first = events.find((e) => e.kind !== 'author')
  if (first?.kind === 'broken' && (first.start === 0 || /not a/.test(first.reason))) {
    const what = format === 'wxr' ? 'a WordPress export (WXR)' : 'a Ghost export'
    throw new AppError(422, 'not_an_export', `The upload is not ${what}: ${first.reason}.`)
  }
}

/** A job as the API shows it, or null. */
export async function importJob(imports: Imports, id: string): Promise<ImportJob | null> {
  const [job, counts] = await Promise.all([getJob(imports.db, id), itemCounts(imports.db, id)])
  return job ? viewOf(job, counts) : null
}

function viewOf(job: JobRow, counts: Record<ItemStatus, number>): ImportJob {
  const self = `/api/imports/${job.id}`
  return {
    id: job.id,
    status: job.status,
    format: job.format,
    total: job.total,
    done: counts.created + counts.updated + counts.unchanged + counts.failed,
    ...counts,
    skipped: job.skipped,
    split: job.split,
    archive: {
      contentType: job.contentType,
      bytes: job.bytes,
      sha256: job.sha256,
      read: job.split ? job.bytes : job.splitAt,
    },
    error: job.error ? { code: job.errorCode ?? 'failed', message: job.error } : null,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt,
    links: { self, items: `${self}/items`, failures: `${self}/items?status=failed` },
  }
}

/** Jobs, newest first, a page at a time. */
export async function listImports(imports: Imports, limit: number, cursor: string | null) {
  const after = cursor === null ? null : decodeCursor(cursor)
  if (cursor !== null && !after) throw invalidCursor('import list')
  const rows = await listJobs(
    imports.db,
    limit,
    after && { createdAt: after.sortKey, id: after.id },
  )
  const page = rows.slice(0, limit)
  const items = await Promise.all(
    page.map(async (job) => viewOf(job, await itemCounts(imports.db, job.id))),
  )
  const last = page.at(-1)
  return {
    items,
    nextCursor:
      rows.length > limit && last ? encodeCursor({ sortKey: last.createdAt, id: last.id }) : null,
  }
}

/** A job's items (of one status, or all) in archive order, a page at a time. */
export async function listImportItems(
  imports: Imports,
  id: string,
  status: ItemStatus | null,
  limit: number,
  cursor: string | null,
) {
  if (!(await getJob(imports.db, id))) throw notFound('import')
  const after = cursor === null ? -1 : decodeIndexCursor(cursor)
  if (after === null) throw invalidCursor('item list')
  const rows = await listItems(imports.db, id, status, after, limit)
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    items: page.map(({ item, slug }): ImportItem => ({
      index: item.seq,
      status: item.status,
      ...(item.line !== null ? { line: item.line } : {}),
      ...(item.file !== null ? { file: item.file } : {}),
      ...(item.guid !== null ? { guid: item.guid } : {}),
      ...(item.byteOffset !== null ? { offset: item.byteOffset } : {}),
      ...(item.status !== 'failed' && slug
        ? { slug, url: `/articles/${slug}`, revision: item.revision ?? 0 }
        : {}),
      ...(item.status === 'failed'
        ? {
            error: { code: item.code ?? 'failed', message: item.message ?? '' },
            retryable: item.retryable,
          }
        : {}),
    })),
    nextCursor: rows.length > limit && last ? encodeIndexCursor(last.item.seq) : null,
  }
}

/**
 * Tries again what failed for a reason not the items' own: a split that stopped reads on from
 * where it stopped, and chunks holding retryable failures are stored again (their other items
 * keep their outcomes). 409 when there is nothing to try again.
 */
export async function retryImport(imports: Imports, id: string): Promise<ImportJob> {
  const job = await getJob(imports.db, id)
  if (!job) throw notFound('import')
  let retried = false
  if (!job.split && job.finishedAt) {
    const [reopened] = await commit(imports.db, [reopenSplit(imports.db, id)])
    if ((reopened as unknown[]).length > 0) {
      retried = true
      await send(imports, { kind: 'split', job: id })
    }
  }
  const seqs = await chunksToRetry(imports.db, id)
  for (let i = 0; i < seqs.length; i += 90) {
    const some = seqs.slice(i, i + 90)
    await commit(imports.db, reopenChunks(imports.db, id, some))
    await Promise.all(some.map((seq) => send(imports, { kind: 'chunk', job: id, seq })))
    retried = true
  }
  if (!retried) {
    throw new AppError(
      409,
      'nothing_to_retry',
      'The import has no failures that may pass when tried again.',
    )
  }
  return (await importJob(imports, id))!
}
