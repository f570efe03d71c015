import { afterInvalidatingCommit, invalidate } from '../cache/invalidate'
import { scopesForArticle } from '../cache/scopes'
import { articleFromRows, articleReadStatement } from '../db/article-read'
import {
  articlesLinkingTo,
  beforeUpload,
  type CurrentArticle,
  liveBySlug,
  matchKeys,
  sourceWithHash,
  stateOf,
} from '../db/article-state'
import {
  deleteStatements,
  linksOf,
  revisionStatements,
  sourceStatements,
  type NewRevision,
  type PreviousState,
} from '../db/article-statements'
import { runBatch } from '../db/batch'
import type { Db, Statement } from '../db/client'
import { WriteConflict } from '../db/errors'
import { getSource } from '../db/history-read'
import { putOriginal } from '../blobs/originals'
import { AppError } from '../errors'
import { decodeText, normalizeUpload } from '../ingest'
import { newId, sha256Hex } from '../lib/hash'
import { KeyedQueue } from '../lib/keyed-queue'
import type { SaveStatus } from '../model/api'
import type { Article, NormalizedArticle } from '../model/article'
import type { Upload } from '../model/upload'
import { charsetOf } from './media-type'
import { checkPrecondition, type Precondition } from './preconditions'
import { sourceBytes, type Storage } from './storage'

/**
 * The write service: every change to an article (an upload, a bulk item, a re-normalize, a
 * delete) goes through here. One change is one atomic D1 batch, holding the cache invalidation
 * for every page the change can alter (cache/invalidate.ts), so no reader is served a page older
 * than an acknowledged write.
 */

export interface SaveResult {
  status: SaveStatus
  slug: string
  revision: number
  articleId: string
  /** The article as stored, read in the batch that stored it (single uploads only). */
  stored?: Article
}

/**
 * Statements a caller adds to the batch of a write, made from what the write will be (its
 * article and revision are known before it commits): an import's record of its item, say.
 */
export type Also = (result: Omit<SaveResult, 'slug'>) => Statement[]

/**
 * Writers to one article in this isolate take turns, so a burst of edits makes no conflicts.
 * Writers in other isolates race on the revision key; a loser retries from a fresh read after a
 * short random pause.
 */
const writers = new KeyedQueue()
const MAX_ATTEMPTS = 50
const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)))

const identityOf = (article: NormalizedArticle) =>
  article.sourceUrl ? `url:${article.sourceUrl}` : `slug:${article.slug}`

const fingerprintOf = (article: NormalizedArticle) => sha256Hex(JSON.stringify(article))

const lostRace = () =>
  new AppError(409, 'conflict', 'Another write to this article won the race; retry the request.')

/**
 * One upload, end to end: decode, normalize, store. A new article, a new revision of an existing
 * one, or nothing when the same bytes normalize to the same article again.
 */
export async function storeUpload(
  storage: Storage,
  upload: Upload,
  precondition: Precondition = null,
  also?: Also,
): Promise<SaveResult> {
  return storePrepared(storage, await prepare(upload), precondition, also)
}

/** An upload normalized, with what identifies it and its content. */
export interface Prepared {
  identity: string
  fingerprint: string
  sha256: string
  article: NormalizedArticle
  upload: Upload
}

/** Decode and normalize: throws IngestError for anything that is not an article. */
export async function prepare(upload: Upload): Promise<Prepared> {
  const article = normalizeUpload(
    {
      format: upload.format,
      text: decodeText(upload.bytes, upload.format, charsetOf(upload.contentType)),
    },
    upload.meta,
  )
  return {
    identity: identityOf(article),
    fingerprint: await fingerprintOf(article),
    sha256: await sha256Hex(upload.bytes),
    article,
    upload,
  }
}

/** A prepared upload stored on its own, taking its turn with other writers to that article. */
export const storePrepared = (
  storage: Storage,
  prepared: Prepared,
  precondition: Precondition = null,
  also?: Also,
) => writers.run(prepared.identity, () => saveInTurn(storage, prepared, precondition, also))

/** Whether a stored article already is this upload: same normalized content, same bytes. */
export const sameAs = (current: CurrentArticle, prepared: Prepared) =>
  !current.deletedAt &&
  current.fingerprint === prepared.fingerprint &&
  current.sourceSha256 === prepared.sha256

async function saveInTurn(
  storage: Storage,
  prepared: Prepared,
  precondition: Precondition,
  also: Also | undefined,
): Promise<SaveResult> {
  const { db } = storage
  const { identity, fingerprint, sha256, article, upload } = prepared
  for (let attempt = 1; ; attempt++) {
    const { current, linking } = await beforeUpload(db, identity, matchKeys(article))
    const live = current && !current.deletedAt
    checkPrecondition(precondition, live ? current.revision : null)
    if (current && sameAs(current, prepared)) {
      const { slug, revision, id: articleId } = current
      return { status: 'unchanged', slug, revision, articleId }
    }

    const articleId = current?.id ?? newId()
    const known = current && (await sourceWithHash(db, articleId, sha256))
    const sourceId = known?.id ?? newId()
    // The bytes are in R2 before the write that names them commits: an acknowledged write
    // always has its original (an object left by a write that then fails is harmless: its key
    // is its hash, and the next upload of those bytes finds it).
    const r2Key = known ? null : await putOriginal(storage.originals, sha256, upload.bytes)
    const revision = (current?.revision ?? 0) + 1
    const statements = [
      ...(await revisionWithInvalidation(
        db,
        {
          articleId,
          identity,
          slug: current?.slug ?? null,
          revision,
          reason: 'upload',
          sourceId,
          fingerprint,
          article,
        },
        current && { revision: current.revision, deleted: Boolean(current.deletedAt) },
        current ? undefined : linking,
      )),
      // The article row comes first: sources reference it.
      ...(r2Key ? sourceStatements(db, [{ sourceId, articleId, sha256, upload, r2Key }]) : []),
      ...(also?.({ status: live ? 'updated' : 'created', revision, articleId }) ?? []),
      // Read back in the same batch: what the client is answered is what committed.
      articleReadStatement(db, { ids: [articleId] }),
    ]
    try {
      const results = await commit(db, statements)
      const stored = articleFromRows(results.at(-1) as Parameters<typeof articleFromRows>[0])
      if (!stored) throw new Error('the article just stored was not read back')
      const status = live ? 'updated' : 'created'
      return { status, slug: stored.slug, revision, articleId, stored }
    } catch (error) {
      if (!(error instanceof WriteConflict)) throw error
      if (attempt >= MAX_ATTEMPTS) throw lostRace()
      await backoff(attempt)
    }
  }
}

/**
 * Re-normalizes a live article from its stored source with today's parsers: a new revision when
 * their output changed. Null when there is no such article.
 */
export async function renormalize(
  storage: Storage,
  slug: string,
  precondition: Precondition = null,
): Promise<SaveResult | null> {
  const { db } = storage
  const current = await liveBySlug(db, slug)
  if (!current) return null
  const source = await getSource(db, current.sourceId)
  if (!source) return null
  checkPrecondition(precondition, current.revision)
  const bytes = await sourceBytes(storage, source)
  const text = decodeText(bytes, source.format, charsetOf(source.contentType))
  const article = normalizeUpload({ format: source.format, text }, source.meta)
  const fingerprint = await fingerprintOf(article)
  if (fingerprint === current.fingerprint) {
    return {
      status: 'unchanged',
      slug: current.slug,
      revision: current.revision,
      articleId: current.id,
    }
  }
  const revision = current.revision + 1
  const statements = await revisionWithInvalidation(
    db,
    {
      articleId: current.id,
      identity: current.identity,
      slug: current.slug,
      revision,
      reason: 'renormalize',
      sourceId: current.sourceId,
      fingerprint,
      article,
    },
    { revision: current.revision, deleted: false },
  )
  try {
    await commit(db, statements)
  } catch (error) {
    throw error instanceof WriteConflict ? lostRace() : error
  }
  return { status: 'updated', slug: current.slug, revision, articleId: current.id }
}

/**
 * Soft delete: the article stops being served; its revisions and sources stay. A write that
 * moves the article on between the read and the delete is seen (nothing is deleted then), and
 * the delete starts again from a fresh read, its precondition checked against what it finds.
 */
export async function deleteArticle(
  { db }: Storage,
  slug: string,
  precondition: Precondition = null,
): Promise<boolean> {
  const found = await liveBySlug(db, slug)
  if (!found) {
    checkPrecondition(precondition, null)
    return false
  }
  return writers.run(found.identity, async () => {
    for (let attempt = 1; ; attempt++) {
      const live = await liveBySlug(db, slug)
      checkPrecondition(precondition, live?.revision ?? null)
      if (!live) return false
      const state = await stateOf(db, live.id)
      const linking = await articlesLinkingTo(db, state.keys, live.id)
      const [deleted] = await commit(db, [
        ...deleteStatements(db, live.id, live.revision),
        ...invalidate(db, scopesForArticle(slug, [state], linking)),
      ])
      if ((deleted as unknown[]).length > 0) return true
      if (attempt >= MAX_ATTEMPTS) throw lostRace()
      await backoff(attempt)
    }
  })
}

/**
 * A revision's statements and the invalidation of every page it can alter: its own, the site's,
 * its author, tag and archive pages before and after, and the pages of other articles whose
 * related headlines match its old or new title. A new revision without a date keeps its place in
 * listings.
 */
async function revisionWithInvalidation(
  db: Db,
  next: Omit<NewRevision, 'sortKey'>,
  current: { revision: number; deleted: boolean } | undefined,
  linkingNew?: string[],
): Promise<Statement[]> {
  const { articleId, article } = next
  const state = current && (await stateOf(db, articleId))
  const sortKey = article.publishedAt ?? (state?.sortKey || new Date().toISOString())
  // A new article's linking articles can be read with its identity (beforeUpload).
  const linking =
    linkingNew ??
    (await articlesLinkingTo(db, [...matchKeys(article), ...(state?.keys ?? [])], articleId))
  const previous: PreviousState | undefined = current && state && { ...current, ...state }
  const links = linksOf(article, sortKey)
  return [
    ...revisionStatements(db, { ...next, sortKey }, previous),
    ...invalidate(db, scopesForArticle(next.slug, previous ? [links, previous] : [links], linking)),
  ]
}

/** Runs a write's batch; once it has committed, this isolate stops reusing the epochs it read. */
export async function commit(db: Db, statements: Statement[]) {
  const results = await runBatch(db, statements)
  afterInvalidatingCommit()
  return results
}
