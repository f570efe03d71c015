import { afterInvalidatingCommit, invalidate } from '../cache/invalidate'
import { scopesForArticle } from '../cache/scopes'
import { articleFromRows, articleReadByIds } from '../db/article-read'
import {
  articlesLinkingTo,
  beforeUpload,
  type CurrentArticle,
  type LinkingArticle,
  liveBySlug,
  type LiveArticle,
  matchKeys,
  sourceWithHash,
  stateOf,
  storedRevision,
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
import type { Article, ArticleStatus, NormalizedArticle, Publication } from '../model/article'
import { resolvePublication, samePublication, type PublicationRequest } from '../model/publication'
import type { Upload } from '../model/upload'
import { charsetOf } from './media-type'
import { checkPrecondition, type Precondition } from './preconditions'
import { sourceBytes, type Storage } from './storage'
import { sortKeyOf } from './sort-key'

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
  /** The status the upload asked for; null keeps the stored one (published for a new article). */
  request: PublicationRequest | null
  /**
   * The status the document itself asked for (a JSON field, front matter, an export's post
   * status), as its source row keeps it (`sources.asked`); null when only the request asked, or
   * nothing did.
   */
  asked: string | null
  upload: Upload
}

/** Decode and normalize: throws IngestError for anything that is not an article. */
export async function prepare(upload: Upload): Promise<Prepared> {
  const { publication: request = null, ...article } = normalizeUpload(
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
    request,
    asked: request && !queryAsks(upload) ? askedJson(request) : null,
    upload,
  }
}

/** Whether the request itself asks for a status (query parameters); the document's own wins. */
const queryAsks = ({ meta }: Upload) => meta.status !== undefined || meta.publishAt !== undefined

const askedJson = ({ status, publishAt }: PublicationRequest) =>
  JSON.stringify({ status: status ?? null, publishAt: publishAt ?? null })

/**
 * The publication a prepared upload gives an article stored as `current` (or new), now. A
 * document asking what the article's current source asked brings no new status: the article
 * keeps the one it has, so an editor's change since stands however the document's text changed.
 */
export function publicationOf(prepared: Prepared, current: CurrentArticle | undefined) {
  const live = current && !current.deletedAt ? current : null
  const { asked } = prepared
  const request = live && asked !== null && asked === live.sourceAsked ? null : prepared.request
  return resolvePublication(request, live, new Date())
}

/** A prepared upload stored on its own, taking its turn with other writers to that article. */
export const storePrepared = (
  storage: Storage,
  prepared: Prepared,
  precondition: Precondition = null,
  also?: Also,
) => writers.run(prepared.identity, () => saveInTurn(storage, prepared, precondition, also))

/** Whether a stored article already has this upload's content: same normalized article, same bytes. */
const sameContent = (current: CurrentArticle, prepared: Prepared) =>
  !current.deletedAt &&
  current.fingerprint === prepared.fingerprint &&
  current.sourceSha256 === prepared.sha256

/**
 * Whether a stored article already is this upload: same content, same status. The very bytes
 * it was last stored from, asking the status they asked then, are the same upload whatever the
 * article's status is now (sources stored before `sources.asked` say nothing of their ask, but
 * the same bytes ask the same). A status the request asks for (query parameters) is always
 * applied.
 */
export const sameAs = (current: CurrentArticle, prepared: Prepared) =>
  sameContent(current, prepared) &&
  (prepared.asked !== null || samePublication(current, publicationOf(prepared, current)))

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
    const r2Key = known
      ? null
      : (upload.kept?.key ?? (await putOriginal(storage.originals, sha256, upload.bytes)))
    const revision = (current?.revision ?? 0) + 1
    const statements = [
      ...(await revisionWithInvalidation(
        db,
        {
          articleId,
          identity,
          slug: current?.slug ?? null,
          revision,
          reason: current && sameContent(current, prepared) ? 'status' : 'upload',
          sourceId,
          fingerprint,
          article,
          publication: publicationOf(prepared, current),
        },
        current && {
          revision: current.revision,
          deleted: Boolean(current.deletedAt),
          status: current.status,
        },
        current ? undefined : linking,
      )),
      // The article row comes first: sources reference it.
      ...(r2Key
        ? sourceStatements(db, [
            {
              sourceId,
              articleId,
              sha256,
              upload,
              r2Key,
              r2Offset: upload.kept?.offset,
              asked: prepared.asked,
            },
          ])
        : []),
      ...(also?.({ status: live ? 'updated' : 'created', revision, articleId }) ?? []),
      // Read back in the same batch: what the client is answered is what committed.
      articleReadByIds(db, [articleId]),
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
  // The status is the article's own now, whatever the upload once asked.
  const { publication: _asked, ...article } = normalizeUpload(
    { format: source.format, text },
    source.meta,
  )
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
      publication: current,
    },
    { revision: current.revision, deleted: false, status: current.status },
  )
  try {
    await commit(db, statements)
  } catch (error) {
    throw error instanceof WriteConflict ? lostRace() : error
  }
  return { status: 'updated', slug: current.slug, revision, articleId: current.id }
}

/** A revision made from what is already stored: content, source and the status it gives. */
type Revise = Pick<NewRevision, 'reason' | 'sourceId' | 'fingerprint' | 'article' | 'publication'>

/**
 * A new revision of the live article at `slug` from stored content, taking its turn with other
 * writers and retrying from a fresh read when one moves the article on first. `change` says what
 * the revision is, or null when the article already is what was asked ('unchanged'). Null when
 * there is no live article at `slug`.
 */
async function reviseLive(
  storage: Storage,
  slug: string,
  precondition: Precondition,
  change: (current: LiveArticle) => Promise<Revise | null>,
): Promise<SaveResult | null> {
  const { db } = storage
  const found = await liveBySlug(db, slug)
  if (!found) {
    checkPrecondition(precondition, null)
    return null
  }
  return writers.run(found.identity, async () => {
    for (let attempt = 1; ; attempt++) {
      const current = await liveBySlug(db, slug)
      checkPrecondition(precondition, current?.revision ?? null)
      if (!current) return null
      const next = await change(current)
      const { id: articleId, revision: now } = current
      if (!next) return { status: 'unchanged', slug, revision: now, articleId }
      const statements = await revisionWithInvalidation(
        db,
        { ...next, articleId, identity: current.identity, slug, revision: now + 1 },
        { revision: now, deleted: false, status: current.status },
      )
      try {
        await commit(db, statements)
        return { status: 'updated', slug, revision: now + 1, articleId }
      } catch (error) {
        if (!(error instanceof WriteConflict)) throw error
        if (attempt >= MAX_ATTEMPTS) throw lostRace()
        await backoff(attempt)
      }
    }
  })
}

/** The content of the article's current revision, to carry into a revision that changes no words. */
async function currentContent(db: Db, current: LiveArticle) {
  const stored = await storedRevision(db, current.id, current.revision)
  if (!stored) throw new Error(`revision ${current.revision} of ${current.id} is missing`)
  return { sourceId: stored.sourceId, fingerprint: stored.fingerprint, article: stored.article }
}

/**
 * Publish, unpublish or schedule a live article: a revision like any other write (If-Match,
 * invalidation, webhooks), with the content unchanged. Null when there is no such article.
 */
export const changePublication = (
  storage: Storage,
  slug: string,
  request: PublicationRequest,
  precondition: Precondition = null,
) =>
  reviseLive(storage, slug, precondition, async (current) => {
    const publication = resolvePublication(request, current, new Date())
    if (samePublication(publication, current)) return null
    return { reason: 'status', publication, ...(await currentContent(storage.db, current)) }
  })

/**
 * A new revision with revision `number`'s content and source (history is never rewritten), the
 * article's status unchanged. Null when there is no such article; `missing` when it has no such
 * revision.
 */
export async function restoreRevision(
  storage: Storage,
  slug: string,
  number: number,
  precondition: Precondition = null,
): Promise<SaveResult | null | 'missing'> {
  let missing = false
  const result = await reviseLive(storage, slug, precondition, async (current) => {
    const earlier = await storedRevision(storage.db, current.id, number)
    if (!earlier) {
      missing = true
      return null
    }
    const same =
      earlier.fingerprint === current.fingerprint && earlier.sourceId === current.sourceId
    if (same) return null
    const { sourceId, fingerprint, article } = earlier
    return { reason: 'restore', publication: current, sourceId, fingerprint, article }
  })
  return missing ? 'missing' : result
}

/**
 * Publishes one scheduled article whose time has come. Each is published exactly once however
 * many runs overlap: a run that loses the race finds it already published and does nothing.
 */
export const publishIfDue = (storage: Storage, slug: string, now: Date) =>
  reviseLive(storage, slug, null, async (current) => {
    const due =
      current.status === 'scheduled' &&
      current.publishAt !== null &&
      Date.parse(current.publishAt) <= now.getTime()
    if (!due) return null
    const publication: Publication = { status: 'published', publishAt: null }
    return { reason: 'status', publication, ...(await currentContent(storage.db, current)) }
  })

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
 * its author, tag and archive pages before and after, and the pages of other articles that name
 * it as it was or as it will be: by its title in a related headline, or by a link in their text to
 * its page or its sourceUrl (see matchKeys). A new revision without a date keeps its place in
 * listings, unless it is the one that publishes the article.
 */
async function revisionWithInvalidation(
  db: Db,
  next: Omit<NewRevision, 'sortKey'>,
  current: { revision: number; deleted: boolean; status: ArticleStatus } | undefined,
  linkingNew?: LinkingArticle[],
): Promise<Statement[]> {
  const { articleId, article } = next
  const state = current && (await stateOf(db, articleId))
  // An undated article is listed from when it went out: its first upload, or its publishing.
  const goesOut = current?.status !== 'published' && next.publication.status === 'published'
  const listedSince = (!goesOut && state?.sortKey) || new Date().toISOString()
  const sortKey = sortKeyOf(article.publishedAt, listedSince)
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
