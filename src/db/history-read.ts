import { and, asc, desc, eq, lt } from 'drizzle-orm'
import type { RevisionInfo } from '../model/api'
import type { SourceFormat } from '../model/article'
import { isPublic } from './article-read'
import { liveBySlug } from './article-state'
import type { Db } from './client'
import { revisions, sourceChunks, sources } from './schema'

/**
 * Who reads a history: a reader sees a published article's published revisions only; an editor
 * (`unpublished`) sees every revision of every live article.
 */
export interface HistoryReader {
  unpublished: boolean
}

/** The live article at `slug` if this reader may see its history. */
export async function visibleArticle(db: Db, slug: string, reader: HistoryReader) {
  const article = await liveBySlug(db, slug)
  return article && (reader.unpublished || isPublic(article)) ? article : undefined
}

/**
 * A page of a live article's revisions, newest first, from before `before` (a revision number);
 * null when there is no such article (or none this reader may see).
 */
export async function listRevisions(
  db: Db,
  slug: string,
  { limit, before }: { limit: number; before: number | null },
  reader: HistoryReader,
): Promise<{ items: RevisionInfo[]; next: number | null } | null> {
  const article = await visibleArticle(db, slug, reader)
  if (!article) return null
  const rows = await db
    .select({
      revision: revisions.number,
      reason: revisions.reason,
      status: revisions.status,
      publishAt: revisions.publishAt,
      fingerprint: revisions.fingerprint,
      createdAt: revisions.createdAt,
      format: sources.format,
      contentType: sources.contentType,
      contentHash: sources.sha256,
      byteLength: sources.byteLength,
    })
    .from(revisions)
    .innerJoin(sources, eq(sources.id, revisions.sourceId))
    .where(
      and(
        eq(revisions.articleId, article.id),
        before === null ? undefined : lt(revisions.number, before),
        reader.unpublished ? undefined : eq(revisions.status, 'published'),
      ),
    )
    .orderBy(desc(revisions.number))
    .limit(limit + 1)
    .all()
  const page = rows.slice(0, limit)
  const items = page.map(({ format, contentType, contentHash, byteLength, ...rest }) => ({
    ...rest,
    source: { format, contentType, contentHash, byteLength },
  }))
  return { items, next: rows.length > limit ? page.at(-1)!.revision : null }
}

export interface StoredSource {
  format: SourceFormat
  contentType: string
  sha256: string
  byteLength: number
  meta: Record<string, string>
  /** The R2 object holding the bytes; null for a source whose bytes are still `source_chunks`. */
  r2Key: string | null
  /** Where the bytes start in that object, when they are a range of it. */
  r2Offset: number | null
  id: string
}

/** The source behind a live article's revision (default: the current one), if this reader may see it. */
export async function getArticleSource(
  db: Db,
  slug: string,
  revision: number | undefined,
  reader: HistoryReader,
): Promise<StoredSource | null> {
  const article = await visibleArticle(db, slug, reader)
  if (!article) return null
  if (revision === undefined || revision === article.revision) {
    return getSource(db, article.sourceId)
  }
  const row = await db
    .select({ sourceId: revisions.sourceId })
    .from(revisions)
    .where(
      and(
        eq(revisions.articleId, article.id),
        eq(revisions.number, revision),
        reader.unpublished ? undefined : eq(revisions.status, 'published'),
      ),
    )
    .get()
  return row ? getSource(db, row.sourceId) : null
}

/** A stored source's record. */
export async function getSource(db: Db, sourceId: string): Promise<StoredSource | null> {
  const row = await db.select().from(sources).where(eq(sources.id, sourceId)).get()
  if (!row) return null
  return {
    id: row.id,
    format: row.format,
    contentType: row.contentType,
    sha256: row.sha256,
    byteLength: row.byteLength,
    meta: JSON.parse(row.meta) as Record<string, string>,
    r2Key: row.r2Key,
    r2Offset: row.r2Offset,
  }
}

/** The bytes of a source stored before originals moved to R2, from its D1 chunks. */
export async function chunkedBytes(db: Db, source: StoredSource): Promise<Uint8Array<ArrayBuffer>> {
  const chunks = await db
    .select({ data: sourceChunks.data })
    .from(sourceChunks)
    .where(eq(sourceChunks.sourceId, source.id))
    .orderBy(asc(sourceChunks.seq))
    .all()
  const bytes = new Uint8Array(source.byteLength)
  let offset = 0
  for (const { data } of chunks) {
    bytes.set(data, offset)
    offset += data.length
  }
  return bytes
}
