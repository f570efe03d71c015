import { and, eq, isNull } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { afterInvalidatingCommit, invalidate } from '../cache/invalidate'
import { scopesForArticle } from '../cache/scopes'
import { AppError } from '../http/errors'
import { checkPrecondition, type Precondition } from '../http/preconditions'
import { newId, sha256Hex } from '../lib/hash'
import { KeyedQueue } from '../lib/keyed-queue'
import type { NormalizedArticle } from '../model/article'
import type { Db } from './client'
import { articlesLinkingTo, matchKeys, stateOf } from './article-state'
import { removeFromSearch } from './search-index'
import {
  revisionStatements,
  type PreviousState,
  sourceStatements,
  type Statement,
  type Upload,
} from './revision-statements'
import { articles, sources } from './schema'
import { findSlug } from './slugs'

export type { Upload } from './revision-statements'

export type SaveStatus = 'created' | 'updated' | 'unchanged'

export interface SaveResult {
  status: SaveStatus
  slug: string
  revision: number
}

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

/**
 * Stores an upload: a new article, a new revision of an existing one, or nothing when the same
 * bytes normalize to the same article again. One article is one atomic batch.
 */
export async function saveUpload(
  db: Db,
  article: NormalizedArticle,
  upload: Upload,
  precondition: Precondition = null,
): Promise<SaveResult> {
  const identity = identityOf(article)
  const fingerprint = await fingerprintOf(article)
  const sha256 = await sha256Hex(upload.bytes)
  return writers.run(identity, () =>
    saveInTurn(db, { identity, fingerprint, sha256, article, upload }, precondition),
  )
}

interface PendingSave {
  identity: string
  fingerprint: string
  sha256: string
  article: NormalizedArticle
  upload: Upload
}

async function saveInTurn(
  db: Db,
  { identity, fingerprint, sha256, article, upload }: PendingSave,
  precondition: Precondition,
): Promise<SaveResult> {
  for (let attempt = 1; ; attempt++) {
    const current = await db
      .select({
        id: articles.id,
        slug: articles.slug,
        revision: articles.revision,
        fingerprint: articles.fingerprint,
        deletedAt: articles.deletedAt,
        sourceSha256: sources.sha256,
      })
      .from(articles)
      .innerJoin(sources, eq(sources.id, articles.sourceId))
      .where(eq(articles.identity, identity))
      .get()
    const live = current && !current.deletedAt
    checkPrecondition(precondition, live ? current.revision : null)
    if (live && current.fingerprint === fingerprint && current.sourceSha256 === sha256) {
      return { status: 'unchanged', slug: current.slug, revision: current.revision }
    }

    const articleId = current?.id ?? newId()
    const slug = current?.slug ?? (await findSlug(db, article.slug))
    const known = current && (await sourceWithHash(db, articleId, sha256))
    const sourceId = known?.id ?? newId()
    const revision = (current?.revision ?? 0) + 1
    const context = await revisionContext(db, articleId, article, current?.revision)

    // The article row comes first: sources reference it.
    const statements = [
      ...revisionStatements(
        db,
        {
          articleId,
          identity,
          slug,
          revision,
          reason: 'upload',
          sourceId,
          fingerprint,
          article,
          sortKey: context.sortKey,
          linkingArticles: context.linkingArticles,
        },
        context.previous,
      ),
      ...(known ? [] : sourceStatements(db, { sourceId, articleId, sha256, upload })),
    ]
    try {
      await runBatch(db, statements)
      return { status: live ? 'updated' : 'created', slug, revision }
    } catch (error) {
      if (!isConstraintError(error) || attempt >= MAX_ATTEMPTS) throw conflictOr(error)
      await backoff(attempt)
    }
  }
}

/** The state of a live article that re-normalizing replaces. */
export interface RenormalizeTarget {
  id: string
  identity: string
  slug: string
  revision: number
  fingerprint: string
  sourceId: string
}

/** Re-normalizes a stored article from its source: a new revision when the parser's output changed. */
export async function saveRenormalized(
  db: Db,
  current: RenormalizeTarget,
  article: NormalizedArticle,
  precondition: Precondition = null,
): Promise<SaveResult> {
  checkPrecondition(precondition, current.revision)
  const fingerprint = await fingerprintOf(article)
  if (fingerprint === current.fingerprint) {
    return { status: 'unchanged', slug: current.slug, revision: current.revision }
  }
  const revision = current.revision + 1
  const context = await revisionContext(db, current.id, article, current.revision)
  const statements = revisionStatements(
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
      sortKey: context.sortKey,
      linkingArticles: context.linkingArticles,
    },
    context.previous,
  )
  try {
    await runBatch(db, statements)
  } catch (error) {
    throw conflictOr(error)
  }
  return { status: 'updated', slug: current.slug, revision }
}

/** Soft delete: the article stops being served; its revisions and sources stay. */
export async function markDeleted(
  db: Db,
  slug: string,
  precondition: Precondition = null,
): Promise<boolean> {
  const live = await db
    .select({ id: articles.id, revision: articles.revision })
    .from(articles)
    .where(and(eq(articles.slug, slug), isNull(articles.deletedAt)))
    .get()
  if (!live) return false
  checkPrecondition(precondition, live.revision)
  const state = await stateOf(db, live.id)
  const linking = await articlesLinkingTo(db, state.keys, live.id)
  const [result] = await commit(db, [
    db
      .update(articles)
      .set({ deletedAt: new Date().toISOString() })
      .where(
        and(
          eq(articles.id, live.id),
          eq(articles.revision, live.revision),
          isNull(articles.deletedAt),
        ),
      )
      .returning({ id: articles.id }),
    removeFromSearch(db, live.id),
    ...invalidate(db, scopesForArticle(slug, [state], linking)),
  ])
  return result.length > 0
}

/**
 * What a new revision needs to know about the one it replaces: its links (for invalidation), its
 * listing position (kept when the new upload names no date), and the articles whose related
 * headlines match the old or new title.
 */
async function revisionContext(
  db: Db,
  articleId: string,
  article: NormalizedArticle,
  currentRevision: number | undefined,
) {
  const state = currentRevision === undefined ? undefined : await stateOf(db, articleId)
  const sortKey = article.publishedAt ?? (state?.sortKey || new Date().toISOString())
  const linkingArticles = await articlesLinkingTo(
    db,
    [...matchKeys(article), ...(state?.keys ?? [])],
    articleId,
  )
  const previous: PreviousState | undefined =
    state && currentRevision !== undefined ? { revision: currentRevision, ...state } : undefined
  return { sortKey, linkingArticles, previous }
}

const sourceWithHash = (db: Db, articleId: string, sha256: string) =>
  db
    .select({ id: sources.id })
    .from(sources)
    .where(and(eq(sources.articleId, articleId), eq(sources.sha256, sha256)))
    .get()

async function commit<T extends [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]>(
  db: Db,
  statements: T,
) {
  const results = await db.batch(statements)
  afterInvalidatingCommit()
  return results
}

const runBatch = (db: Db, statements: Statement[]) =>
  commit(db, statements as [Statement, ...Statement[]])

function isConstraintError(error: unknown): boolean {
  const message = String((error as { message?: unknown })?.message ?? error)
  return /UNIQUE constraint failed|SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)/i.test(message)
}

function conflictOr(error: unknown): unknown {
  return isConstraintError(error)
    ? new AppError(
        409,
        'conflict',
        'Another write to this article won the race; retry the request.',
      )
    : error
}
