import { and, asc, desc, eq, lt } from 'drizzle-orm'
import type { RevisionInfo } from '../model/api'
import type { SourceFormat } from '../model/article'
import { liveBySlug } from './article-state'
import type { Db } from './client'
import { revisions, sourceChunks, sources } from './schema'

/**
 * A page of a live article's revisions, newest first, from before `before` (a revision number);
 * null when there is no such article.
 */
export async function listRevisions(
  db: Db,
  slug: string,
  { limit, before }: { limit: number; before: number | null },
): Promise<{ items: RevisionInfo[]; next: number | null } | null> {
  const article = await liveBySlug(db, slug)
  if (!article) return null
  const rows = await db
    .select({
      revision: revisions.number,
      reason: revisions.reason,
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
  meta: Record<string, string>
  bytes: Uint8Array<ArrayBuffer>
}

/** The original upload behind a live article's revision (default: the current one). */
export async function getArticleSource(
  db: Db,
  slug: string,
  revision?: number,
): Promise<StoredSource | null> {
  const article = await liveBySlug(db, slug)
  if (!article) return null
  if (revision === undefined || revision === article.revision) {
    return getSource(db, article.sourceId)
  }
  const row = await db
    .select({ sourceId: revisions.sourceId })
    .from(revisions)
    .where(and(eq(revisions.articleId, article.id), eq(revisions.number, revision)))
    .get()
  return row ? getSource(db, row.sourceId) : null
}

/** A stored source, byte for byte. */
export async function getSource(db: Db, sourceId: string): Promise<StoredSource | null> {
  const [meta, chunks] = await db.batch([
    db.select().from(sources).where(eq(sources.id, sourceId)),
    db
      .select({ data: sourceChunks.data })
      .from(sourceChunks)
      .where(eq(sourceChunks.sourceId, sourceId))
      .orderBy(asc(sourceChunks.seq)),
  ])
  const source = meta[0]
  if (!source) return null
  const bytes = new Uint8Array(source.byteLength)
  let offset = 0
  for (const { data } of chunks) {
    bytes.set(data, offset)
    offset += data.length
  }
  return {
    format: source.format,
    contentType: source.contentType,
    sha256: source.sha256,
    meta: JSON.parse(source.meta) as Record<string, string>,
    bytes,
  }
}
