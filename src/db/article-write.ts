import { and, eq, isNull } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { NormalizedArticle, SourceFormat } from '../model/article'
import { invalidate } from '../cache/invalidate'
import { scopesForArticle, type ArticleLinks } from '../cache/scopes'
import { newId, sha256Hex } from '../lib/hash'
import type { Db } from './client'
import { chunkRows, SOURCE_CHUNK_BYTES } from './limits'
import {
  articleAuthors,
  articles,
  articleTags,
  authors,
  blocks,
  notes,
  related,
  revisions,
  sourceChunks,
  sources,
  tags,
} from './schema'
import { findSlug } from './slugs'
import { AppError } from '../http/errors'

/** An original upload, kept byte for byte. */
export interface Upload {
  format: SourceFormat
  contentType: string
  bytes: Uint8Array
  /** Upload parameters that shaped normalization (query string), kept to re-normalize later. */
  meta: Record<string, string>
}

export type SaveStatus = 'created' | 'updated' | 'unchanged'

export interface SaveResult {
  status: SaveStatus
  slug: string
  revision: number
}

type Statement = BatchItem<'sqlite'>

/** Concurrent writers to one article lose a race on the revision key; they retry this often. */
const MAX_ATTEMPTS = 8

const identityOf = (article: NormalizedArticle) =>
  article.sourceUrl ? `url:${article.sourceUrl}` : `slug:${article.slug}`

/**
 * Stores an upload: a new article, a new revision of an existing one, or nothing when the same
 * bytes normalize to the same article again. One article is one atomic batch.
 */
export async function saveUpload(
  db: Db,
  article: NormalizedArticle,
  upload: Upload,
): Promise<SaveResult> {
  const identity = identityOf(article)
  const fingerprint = await sha256Hex(JSON.stringify(article))
  const sha256 = await sha256Hex(upload.bytes)

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

    if (
      current &&
      !current.deletedAt &&
      current.fingerprint === fingerprint &&
      current.sourceSha256 === sha256
    ) {
      return { status: 'unchanged', slug: current.slug, revision: current.revision }
    }

    const articleId = current?.id ?? newId()
    const slug = current?.slug ?? (await findSlug(db, article.slug))
    const previous = current
      ? { revision: current.revision, ...(await linksOf(db, articleId)) }
      : undefined
    const known = current
      ? await db
          .select({ id: sources.id })
          .from(sources)
          .where(and(eq(sources.articleId, articleId), eq(sources.sha256, sha256)))
          .get()
      : undefined
    const sourceId = known?.id ?? newId()
    const revision = (current?.revision ?? 0) + 1

    const statements: Statement[] = [
      ...writeArticleRow(
        db,
        { articleId, identity, slug, article, fingerprint, sourceId, revision },
        previous,
      ),
      ...(known ? [] : writeSource(db, { sourceId, articleId, sha256, upload })),
      ...writeRevision(db, {
        articleId,
        revision,
        sourceId,
        fingerprint,
        article,
        reason: 'upload',
      }),
    ]
    try {
      await db.batch(statements as [Statement, ...Statement[]])
      return { status: current && !current.deletedAt ? 'updated' : 'created', slug, revision }
    } catch (error) {
      if (!isConstraintError(error) || attempt >= MAX_ATTEMPTS) throw conflictOr(error)
    }
  }
}

/** Re-normalizes a stored article from its source: a new revision when the parser's output changed. */
export async function saveRenormalized(
  db: Db,
  current: {
    id: string
    slug: string
    revision: number
    fingerprint: string
    sourceId: string
    identity: string
  },
  article: NormalizedArticle,
): Promise<SaveResult> {
  const fingerprint = await sha256Hex(JSON.stringify(article))
  if (fingerprint === current.fingerprint) {
    return { status: 'unchanged', slug: current.slug, revision: current.revision }
  }
  const revision = current.revision + 1
  const statements = [
    ...writeArticleRow(
      db,
      {
        articleId: current.id,
        identity: current.identity,
        slug: current.slug,
        article,
        fingerprint,
        sourceId: current.sourceId,
        revision,
      },
      { revision: current.revision, ...(await linksOf(db, current.id)) },
    ),
    ...writeRevision(db, {
      articleId: current.id,
      revision,
      sourceId: current.sourceId,
      fingerprint,
      article,
      reason: 'renormalize',
    }),
  ]
  try {
    await db.batch(statements as [Statement, ...Statement[]])
  } catch (error) {
    throw conflictOr(error)
  }
  return { status: 'updated', slug: current.slug, revision }
}

/** Soft delete: the article stops being served; its revisions and sources stay. */
export async function markDeleted(db: Db, slug: string): Promise<boolean> {
  const live = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.slug, slug), isNull(articles.deletedAt)))
    .get()
  if (!live) return false
  const [result] = await db.batch([
    db
      .update(articles)
      .set({ deletedAt: new Date().toISOString() })
      .where(and(eq(articles.id, live.id), isNull(articles.deletedAt)))
      .returning({ id: articles.id }),
    ...invalidate(db, scopesForArticle(slug, await linksOf(db, live.id))),
  ])
  return result.length > 0
}

/** The authors and tags an article is linked to now. */
async function linksOf(db: Db, articleId: string): Promise<ArticleLinks> {
  const [authorRows, tagRows] = await db.batch([
    db
      .select({ slug: articleAuthors.authorSlug })
      .from(articleAuthors)
      .where(eq(articleAuthors.articleId, articleId)),
    db
      .select({ slug: articleTags.tagSlug })
      .from(articleTags)
      .where(eq(articleTags.articleId, articleId)),
  ])
  return { authorSlugs: authorRows.map((r) => r.slug), tagSlugs: tagRows.map((r) => r.slug) }
}

interface ArticleRowInput {
  articleId: string
  identity: string
  slug: string
  article: NormalizedArticle
  fingerprint: string
  sourceId: string
  revision: number
}

function writeArticleRow(
  db: Db,
  input: ArticleRowInput,
  current: ({ revision: number } & ArticleLinks) | undefined,
): Statement[] {
  const { articleId, slug, article } = input
  const now = new Date().toISOString()
  const fields = {
    sourceUrl: article.sourceUrl,
    title: article.title,
    headline: article.headline,
    kicker: article.kicker,
    dateline: article.dateline,
    summary: article.summary,
    wordCount: article.wordCount,
    publishedAt: article.publishedAt,
    revision: input.revision,
    sourceId: input.sourceId,
    fingerprint: input.fingerprint,
    updatedAt: now,
    deletedAt: null,
  }
  const row = current
    ? db
        .update(articles)
        .set({ ...fields, sortKey: article.publishedAt ?? undefined })
        .where(and(eq(articles.id, articleId), eq(articles.revision, current.revision)))
    : db.insert(articles).values({
        ...fields,
        id: articleId,
        identity: input.identity,
        slug,
        sortKey: article.publishedAt ?? now,
        createdAt: now,
      })

  const authorRows = article.authors.map((a, position) => ({
    articleId,
    position,
    authorSlug: a.slug,
  }))
  const tagRows = article.tags.map((t, position) => ({ articleId, position, tagSlug: t.slug }))
  const blockRows = article.body.map((block, position) => ({
    articleId,
    position,
    type: block.type,
    text: block.type === 'list' ? block.items.join('\n') : block.text,
    data:
      block.type === 'list'
        ? JSON.stringify({ ordered: block.ordered, items: block.items })
        : block.type === 'heading'
          ? JSON.stringify({ level: block.level })
          : null,
  }))
  const relatedRows = article.related.map((r, position) => ({ articleId, position, ...r }))
  const noteRows = [
    ...article.notices.map((text, position) => ({
      articleId,
      kind: 'notice' as const,
      position,
      text,
    })),
    ...article.captions.map((text, position) => ({
      articleId,
      kind: 'caption' as const,
      position,
      text,
    })),
  ]

  return [
    row,
    ...(current
      ? [articleAuthors, articleTags, blocks, related, notes].map((table) =>
          db.delete(table).where(eq(table.articleId, articleId)),
        )
      : []),
    ...chunkRows(article.authors, 2).map((chunk) =>
      db.insert(authors).values(chunk).onConflictDoNothing(),
    ),
    ...chunkRows(article.tags, 2).map((chunk) =>
      db.insert(tags).values(chunk).onConflictDoNothing(),
    ),
    ...chunkRows(authorRows, 3).map((chunk) => db.insert(articleAuthors).values(chunk)),
    ...chunkRows(tagRows, 3).map((chunk) => db.insert(articleTags).values(chunk)),
    ...chunkRows(blockRows, 5).map((chunk) => db.insert(blocks).values(chunk)),
    ...chunkRows(relatedRows, 4).map((chunk) => db.insert(related).values(chunk)),
    ...chunkRows(noteRows, 4).map((chunk) => db.insert(notes).values(chunk)),
    ...invalidate(
      db,
      scopesForArticle(
        slug,
        {
          authorSlugs: article.authors.map((a) => a.slug),
          tagSlugs: article.tags.map((t) => t.slug),
        },
        ...(current ? [current] : []),
      ),
    ),
  ]
}

function writeSource(
  db: Db,
  input: { sourceId: string; articleId: string; sha256: string; upload: Upload },
): Statement[] {
  const { sourceId, upload } = input
  const chunks: Statement[] = []
  for (let seq = 0, offset = 0; offset < upload.bytes.length || seq === 0; seq++) {
    const data = upload.bytes.subarray(offset, offset + SOURCE_CHUNK_BYTES)
    chunks.push(db.insert(sourceChunks).values({ sourceId, seq, data }))
    offset += SOURCE_CHUNK_BYTES
  }
  return [
    db.insert(sources).values({
      id: sourceId,
      articleId: input.articleId,
      format: upload.format,
      contentType: upload.contentType,
      sha256: input.sha256,
      byteLength: upload.bytes.length,
      meta: JSON.stringify(upload.meta),
    }),
    ...chunks,
  ]
}

function writeRevision(
  db: Db,
  input: {
    articleId: string
    revision: number
    sourceId: string
    fingerprint: string
    article: NormalizedArticle
    reason: 'upload' | 'renormalize'
  },
): Statement[] {
  return [
    db.insert(revisions).values({
      articleId: input.articleId,
      number: input.revision,
      sourceId: input.sourceId,
      fingerprint: input.fingerprint,
      reason: input.reason,
      snapshot: JSON.stringify(input.article),
    }),
  ]
}

function isConstraintError(error: unknown): boolean {
  const message = String((error as { message?: unknown })?.message ?? error)
  return /UNIQUE constraint failed|PRIMARY KEY|SQLITE_CONSTRAINT/i.test(message)
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
