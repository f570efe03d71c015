import { and, asc, desc, eq, isNull } from 'drizzle-orm'
import type { SourceFormat } from '../model/article'
import type { Db } from './client'
import { articles, revisions, sourceChunks, sources } from './schema'

export interface RevisionInfo {
  revision: number
  reason: 'upload' | 'renormalize'
  fingerprint: string
  createdAt: string
  source: { format: SourceFormat; contentType: string; contentHash: string; byteLength: number }
}

const liveArticle = (db: Db, slug: string) =>
  db
    .select({
      id: articles.id,
      identity: articles.identity,
      slug: articles.slug,
      revision: articles.revision,
      fingerprint: articles.fingerprint,
      sourceId: articles.sourceId,
    })
    .from(articles)
    .where(and(eq(articles.slug, slug), isNull(articles.deletedAt)))
    .get()

/** Every revision of a live article, newest first; null when there is no such article. */
export async function listRevisions(db: Db, slug: string): Promise<RevisionInfo[] | null> {
  const article = await liveArticle(db, slug)
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
    .where(eq(revisions.articleId, article.id))
    .orderBy(desc(revisions.number))
    .all()
  return rows.map(({ format, contentType, contentHash, byteLength, ...rest }) => ({
    ...rest,
    source: { format, contentType, contentHash, byteLength },
  }))
}

export interface StoredSource {
  format: SourceFormat
  contentType: string
  sha256: string
  meta: Record<string, string>
  bytes: Uint8Array<ArrayBuffer>
}

/** The original upload behind a revision (default: the current one), byte for byte. */
export async function getSource(
  db: Db,
  slug: string,
  revision?: number,
): Promise<StoredSource | null> {
  const article = await liveArticle(db, slug)
  if (!article) return null
  let sourceId = article.sourceId
  if (revision !== undefined && revision !== article.revision) {
    const row = await db
      .select({ sourceId: revisions.sourceId })
      .from(revisions)
      .where(and(eq(revisions.articleId, article.id), eq(revisions.number, revision)))
      .get()
    if (!row) return null
    sourceId = row.sourceId
  }
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

/** What re-normalizing a live article needs: its current state and its source. */
export async function getRenormalizeTarget(db: Db, slug: string) {
  const article = await liveArticle(db, slug)
  if (!article) return null
  const source = await getSource(db, slug)
  return source ? { article, source } : null
}
