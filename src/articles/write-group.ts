import { putOriginal } from '../blobs/originals'
import { invalidate } from '../cache/invalidate'
import { scopesForArticle } from '../cache/scopes'
import { articlesLinkingTo, currentByIdentities, matchKeys } from '../db/article-state'
import {
  linksOf,
  newArticleChildren,
  newArticleRows,
  sourceStatements,
  type NewRevision,
  type NewSource,
} from '../db/article-statements'
import type { Statement } from '../db/client'
import { isStorageUnavailable, WriteConflict } from '../db/errors'
import { AppError } from '../errors'
import { IngestError } from '../ingest'
import { newId } from '../lib/hash'
import type { Problem } from '../model/api'
import type { Upload } from '../model/upload'
import type { Storage } from './storage'
import { sortKeyOf } from './sort-key'
import {
  commit,
  prepare,
  sameAs,
  publicationOf,
  storePrepared,
  type Also,
  type Prepared,
  type SaveResult,
} from './write'

/** One upload's outcome in a group: stored (or already there), or why it was not. */
export type GroupOutcome = SaveResult | { failed: Problem }

/** An upload's outcome as a record of it is made: before its batch commits. */
export interface Planned {
  index: number
  result: Omit<SaveResult, 'slug'>
}

/**
 * Many uploads stored together: the write service for bulk requests and import jobs. The new
 * articles among them go into one D1 batch, their rows merged into as few inserts as D1's
 * parameter limit allows, so a group costs a few statements instead of a dozen an article.
 * Uploads that change a stored article, or that another in the group already claims (the same
 * identity or the same slug), are stored one at a time afterwards, in order. A group whose
 * batch fails is stored one article at a time, so one bad article never takes its neighbours
 * down. `also` adds each stored upload's record to the batch that stores it; `alsoTogether`, when
 * given, makes the records of the uploads stored together in one go, so they can be merged.
 */
export async function storeGroup(
  storage: Storage,
  uploads: Upload[],
  also?: (index: number) => Also,
  alsoTogether?: (planned: Planned[]) => Statement[],
): Promise<GroupOutcome[]> {
  const recordsOf = (planned: Planned[]) =>
    alsoTogether
      ? alsoTogether(planned)
      : planned.flatMap(({ index, result }) => also?.(index)(result) ?? [])
  const outcomes: GroupOutcome[] = new Array(uploads.length)
  const prepared: (Prepared | null)[] = await Promise.all(
    uploads.map(async (upload, i) => {
      try {
        return await prepare(upload)
      } catch (error) {
        if (!(error instanceof IngestError)) throw error
        outcomes[i] = { failed: problemOf(error) }
        return null
      }
    }),
  )
  const current = await currentByIdentities(storage.db, [
    ...new Set(prepared.flatMap((p) => (p ? [p.identity] : []))),
  ])
  const claimed = new Set<string>()
  const creates: number[] = []
  const later: number[] = []
  const unchanged: Planned[] = []
  prepared.forEach((p, i) => {
    if (!p) return
    const stored = current.get(p.identity)
    const slugKey = `slug:${p.article.slug}`
    if (stored && sameAs(stored, p) && !claimed.has(p.identity)) {
      const result: SaveResult = {
        status: 'unchanged',
        slug: stored.slug,
        revision: stored.revision,
        articleId: stored.id,
      }
      outcomes[i] = result
      unchanged.push({ index: i, result })
    } else if (stored || claimed.has(p.identity) || claimed.has(slugKey)) later.push(i)
    else creates.push(i)
    claimed.add(p.identity).add(slugKey)
  })

  if (creates.length === 0) {
    // Only unchanged ones: their records, and not one article row or cache epoch touched.
    const records = recordsOf(unchanged)
    if (records.length > 0) await commit(storage.db, records)
  } else {
    try {
      await createTogether(storage, creates, prepared as Prepared[], outcomes, unchanged, recordsOf)
    } catch (error) {
      if (isStorageUnavailable(error)) throw error
      console.warn('group write failed; storing its articles one at a time:', String(error))
      later.unshift(...creates)
      const records = recordsOf(unchanged)
      if (records.length > 0) await commit(storage.db, records)
    }
  }
  for (const i of later.sort((a, b) => a - b)) {
    try {
      const result = await storePrepared(storage, prepared[i]!, null, also?.(i))
      if (result.status === 'unchanged') {
        const unchangedRecords = also?.(i)(result) ?? []
        if (unchangedRecords.length > 0) await commit(storage.db, unchangedRecords)
      }
      outcomes[i] = result
    } catch (error) {
      if (isStorageUnavailable(error)) throw error
      outcomes[i] = { failed: problemOf(error) }
    }
  }
  return outcomes
}

/** The new articles of a group, in one batch with the records of the group's unchanged ones. */
async function createTogether(
  storage: Storage,
  indexes: number[],
  prepared: Prepared[],
  outcomes: GroupOutcome[],
  unchanged: Planned[],
  recordsOf: (planned: Planned[]) => Statement[],
): Promise<void> {
  const { db } = storage
  const now = new Date().toISOString()
  const news: NewRevision[] = []
  const sources: NewSource[] = []
  for (const i of indexes) {
    const p = prepared[i]!
    const articleId = newId()
    const sourceId = newId()
    news.push({
      articleId,
      identity: p.identity,
      slug: null,
      revision: 1,
      reason: 'upload',
      sourceId,
      fingerprint: p.fingerprint,
      article: p.article,
      sortKey: sortKeyOf(p.article.publishedAt, now),
      publication: publicationOf(p, undefined),
    })
    const { upload, sha256 } = p
    // An original R2 keeps already (in an import's chunk) is named where it is; others get a key below.
    const { key: r2Key = '', offset: r2Offset } = upload.kept ?? {}
    sources.push({ sourceId, articleId, sha256, upload, r2Key, r2Offset, asked: p.asked })
  }
  // The originals first (see storeUpload): each set of bytes once, unless R2 keeps them already.
  const keys = new Map<string, Promise<string>>()
  for (const source of sources) {
    if (!source.upload.kept && !keys.has(source.sha256)) {
      keys.set(source.sha256, putOriginal(storage.originals, source.sha256, source.upload.bytes))
    }
  }
  // The articles whose related headlines name the new ones are read while R2 takes the bytes.
  const linking = articlesLinkingTo(
    db,
    news.flatMap((n) => matchKeys(n.article)),
    '',
  )
  const stored = await Promise.allSettled([...keys.values(), linking])
  const failed = stored.find((s) => s.status === 'rejected')
  if (failed) throw failed.reason
  for (const source of sources) {
    if (!source.upload.kept) source.r2Key = await keys.get(source.sha256)!
  }
  const scopes = news.flatMap((n) => scopesForArticle(null, [linksOf(n.article, n.sortKey)]))
  const planned: Planned[] = news.map((n, k) => ({
    index: indexes[k]!,
    result: { status: 'created', revision: 1, articleId: n.articleId },
  }))
  // The rows go first: their inserts answer the slugs chosen.
  const rows = newArticleRows(db, news)
  const results = await commit(db, [
    ...rows,
    ...newArticleChildren(db, news),
    ...sourceStatements(db, sources),
    ...invalidate(db, [...scopes, ...scopesForArticle(null, [], await linking)]),
    ...recordsOf([...unchanged, ...planned]),
  ])
  const slugs = new Map<string, string>()
  const inserted = results.slice(0, rows.length) as D1Result<{ id: string; slug: string }>[]
  for (const row of inserted.flatMap((r) => r.results)) slugs.set(row.id, row.slug)
  for (const { index, result } of planned) {
    outcomes[index] = { ...result, slug: slugs.get(result.articleId)! }
  }
}

/**
 * Why one upload of a group was not stored. Storage being unavailable is thrown instead: then
 * nothing of the group is stored, and the whole may be tried again.
 */
function problemOf(error: unknown): Problem {
  if (error instanceof IngestError || error instanceof AppError) {
    return { code: error.code, message: error.message }
  }
  if (error instanceof WriteConflict) {
    return { code: 'conflict', message: 'Another write to this article won the race; retry.' }
  }
  console.error('storing one article of a group failed', error)
  return { code: 'store_failed', message: 'Storing this article failed; retry it.' }
}
