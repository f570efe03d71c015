import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import { slugify } from '../ingest/slug'
import type { Block, NormalizedArticle, Publication, RevisionReason } from '../model/article'
import { linkKey, linkKeysOf } from '../model/link-key'
import type { Upload } from '../model/upload'
import type { ArticleLinks } from './article-state'
import type { Db, Statement } from './client'
import { chunkByParameters, chunkRows } from './limits'
import {
  addToSearch,
  articleSearch,
  articleSearchCjk,
  cjkSearchRow,
  removeFromSearch,
  searchRow,
} from './search-index'
import { boundParameters, insertRows } from './rows'
import { freeSlug, mayChooseSameSlug } from './slugs'
import {
  articleAuthors,
  articles,
  articleTags,
  authors,
  blocks,
  links,
  notes,
  related,
  revisions,
  sources,
  tags,
} from './schema'

export interface NewRevision {
  articleId: string
  identity: string
  /** The article's slug; null for a new article, whose slug is chosen as it is inserted. */
  slug: string | null
  revision: number
  reason: RevisionReason
  sourceId: string
  fingerprint: string
  article: NormalizedArticle
  /** publishedAt, else the first upload time: the order of listings and the archive month. */
  sortKey: string
  /** The status this revision gives the article. */
  publication: Publication
}

/**
 * The state being replaced, when the article exists: what the writer read (its revision, and
 * whether it was deleted) and what it linked to. The batch commits only if the article is still
 * in exactly that state.
 */
export type PreviousState = { revision: number; deleted: boolean } & ArticleLinks

/** What a revision links to: the pages a change to it can alter (see cache/scopes.ts). */
export const linksOf = (article: NormalizedArticle, sortKey: string): ArticleLinks => ({
  authorSlugs: article.authors.map((a) => a.slug),
  tagSlugs: article.tags.map((t) => t.slug),
  month: sortKey.slice(0, 7),
})

/**
 * Every statement of one revision of an existing article: the article row, its child rows
 * (replaced whole), the revision snapshot and the search index. The caller adds the cache
 * invalidation to the same batch. A new article is `newArticlesStatements([next])`.
 */
export function revisionStatements(
  db: Db,
  next: NewRevision,
  previous: PreviousState | undefined,
): Statement[] {
  if (!previous) return newArticlesStatements(db, [next])
  const { articleId, article } = next
  const rows = childRows(articleId, article)
  return [
    // The revision goes first, guarded: it names the article only while the article is as the
    // writer read it, else its NOT NULL article_id fails the whole batch. A delete or another
    // write in between is a WriteConflict, never a silent overwrite.
    db
      .insert(revisions)
      .values({ ...revisionRow(next), articleId: sameState(articleId, previous) }),
    articleUpdate(db, next, previous),
    ...[articleAuthors, articleTags, blocks, related, links, notes].map((table) =>
      db.delete(table).where(eq(table.articleId, articleId)),
    ),
    ...childStatements(db, [article], [rows]),
    ...removeFromSearch(db, articleId),
    // The index holds published articles only, so no search can find a draft.
    ...(next.publication.status === 'published' ? addToSearch(db, articleId, article) : []),
  ]
}

/**
 * New articles, any number in one batch: their rows (newArticleRows), and their authors, tags,
 * blocks, related headlines, link targets, notes, revisions and search rows merged into as few
 * multi-row inserts as D1's parameter limit allows.
 */
export const newArticlesStatements = (db: Db, news: NewRevision[]): Statement[] => [
  ...newArticleRows(db, news),
  ...newArticleChildren(db, news),
]

/**
 * New articles' rows, merged into multi-row inserts that answer each row's id and slug (new
 * articles' slugs are chosen as they are inserted, against what is stored and what the inserts
 * before took). Their base slugs must differ from one another.
 */
export function newArticleRows(db: Db, news: NewRevision[]): Statement[] {
  const now = new Date().toISOString()
  const rows = news.map((next) => ({
    // The slug it is given, or the base freeSlug chooses from.
    base: next.slug ?? next.article.slug,
    row: {
      ...articleFields(next, now),
      id: next.articleId,
      identity: next.identity,
      slug: next.slug ?? freeSlug(next.article.slug),
      createdAt: now,
    },
  }))
  type Row = (typeof rows)[number]
  const apart = (one: Row, earlier: Row) => mayChooseSameSlug(one.base, earlier.base)
  return chunkByParameters(rows, ({ row }) => boundParameters(row), 0, apart).map((chunk) =>
    insertRows(
      db,
      articles,
      chunk.map(({ row }) => row),
      undefined,
      ['id', 'slug'],
    ),
  )
}

/** New articles' child rows, revisions and search rows (see newArticlesStatements). */
export function newArticleChildren(db: Db, news: NewRevision[]): Statement[] {
  const rows = news.map((n) => childRows(n.articleId, n.article))
  return [
    ...childStatements(
      db,
      news.map((n) => n.article),
      rows,
    ),
    ...chunkRows(
      news.map((n) => ({ ...revisionRow(n), articleId: n.articleId })),
      REVISION_COLUMNS,
    ).map((c) => insertRows(db, revisions, c)),
    ...searchStatements(
      db,
      news
        .filter((n) => n.publication.status === 'published')
        .map((n) => searchRow(n.articleId, n.article)),
    ),
  ]
}

/** Search rows of published articles, in both indexes, merged into multi-row inserts. */
function searchStatements(db: Db, rows: ReturnType<typeof searchRow>[]): Statement[] {
  const cjk = rows.flatMap((r) => cjkSearchRow(r) ?? [])
  return [
    ...chunkRows(rows, 5).map((c) => insertRows(db, articleSearch, c)),
    ...chunkRows(cjk, 5).map((c) => insertRows(db, articleSearchCjk, c)),
  ]
}

/** The columns a revision row binds: revisionRow's fields and the article id. */
const REVISION_COLUMNS = 8

const revisionRow = (next: NewRevision) => ({
  number: next.revision,
  sourceId: next.sourceId,
  fingerprint: next.fingerprint,
  reason: next.reason,
  snapshot: JSON.stringify(next.article),
  status: next.publication.status,
  publishAt: next.publication.publishAt,
})

function childStatements(
  db: Db,
  list: NormalizedArticle[],
  rows: ReturnType<typeof childRows>[],
): Statement[] {
  const unique = <T extends { slug: string }>(items: T[]) => [
    ...new Map(items.map((i) => [i.slug, i])).values(),
  ]
  const all = <K extends keyof ReturnType<typeof childRows>>(key: K) =>
    rows.flatMap((r) => r[key] as ReturnType<typeof childRows>[K][number][])
  return [
    ...chunkRows(unique(list.flatMap((a) => a.authors)), 2).map((c) =>
      insertRows(db, authors, c, { nothing: true }),
    ),
    ...chunkRows(unique(list.flatMap((a) => a.tags)), 2).map((c) =>
      insertRows(db, tags, c, { nothing: true }),
    ),
    ...chunkRows(all('authors'), 3).map((c) => insertRows(db, articleAuthors, c)),
    ...chunkRows(all('tags'), 3).map((c) => insertRows(db, articleTags, c)),
    ...chunkRows(all('blocks'), 5).map((c) => insertRows(db, blocks, c)),
    ...chunkRows(all('related'), 5).map((c) => insertRows(db, related, c)),
    ...chunkRows(all('links'), 2).map((c) => insertRows(db, links, c)),
    ...chunkRows(all('notes'), 4).map((c) => insertRows(db, notes, c)),
  ]
}

/** The article's id while it is at `previous`'s revision, live or deleted as read; else NULL. */
const sameState = (articleId: string, previous: PreviousState) =>
  sql`(SELECT ${articles.id} FROM ${articles} WHERE ${and(
    eq(articles.id, articleId),
    eq(articles.revision, previous.revision),
    previous.deleted ? isNotNull(articles.deletedAt) : isNull(articles.deletedAt),
  )})`

/**
 * Soft delete of a live article at a revision: its revisions and sources stay. The first
 * statement returns the article when it was deleted, nothing when a write moved it on first;
 * the search row goes only with a delete that happened.
 */
export function deleteStatements(db: Db, articleId: string, revision: number): Statement[] {
  return [
    db
      .update(articles)
      .set({ deletedAt: new Date().toISOString() })
      .where(
        and(
          eq(articles.id, articleId),
          eq(articles.revision, revision),
          isNull(articles.deletedAt),
        ),
      )
      .returning({ id: articles.id }),
    ...[articleSearch, articleSearchCjk].map((index) =>
      db
        .delete(index)
        .where(
          and(
            eq(index.articleId, articleId),
            sql`EXISTS (SELECT 1 FROM ${articles} WHERE ${and(eq(articles.id, articleId), isNotNull(articles.deletedAt))})`,
          ),
        ),
    ),
  ]
}

/** The article row of an existing article's next revision, guarded by the one it replaces. */
function articleUpdate(db: Db, next: NewRevision, previous: PreviousState): Statement {
  // A concurrent writer makes the batch fail on the revisions key instead of silently overwriting.
  return db
    .update(articles)
    .set(articleFields(next, new Date().toISOString()))
    .where(and(eq(articles.id, next.articleId), eq(articles.revision, previous.revision)))
}

/** The columns of an article row a revision sets. */
function articleFields(next: NewRevision, now: string) {
  const { article } = next
  return {
    sourceUrl: article.sourceUrl,
    linkKey: article.sourceUrl && linkKey(article.sourceUrl),
    title: article.title,
    headline: article.headline,
    kicker: article.kicker,
    dateline: article.dateline,
    summary: article.summary,
    wordCount: article.wordCount,
    publishedAt: article.publishedAt,
    modifiedAt: article.modifiedAt,
    siteName: article.siteName,
    language: article.language,
    imageUrl: article.image?.url ?? null,
    imageCaption: article.image?.caption ?? null,
    titleKey: slugify(article.title),
    headlineKey: slugify(article.headline),
    revision: next.revision,
    sourceId: next.sourceId,
    fingerprint: next.fingerprint,
    sortKey: next.sortKey,
    status: next.publication.status,
    publishAt: next.publication.publishAt,
    updatedAt: now,
    deletedAt: null,
  }
}

function childRows(articleId: string, article: NormalizedArticle) {
  const note = (kind: 'notice' | 'caption') => (text: string, position: number) => ({
    articleId,
    kind,
    position,
    text,
  })
  return {
    authors: article.authors.map((a, position) => ({ articleId, position, authorSlug: a.slug })),
    tags: article.tags.map((t, position) => ({ articleId, position, tagSlug: t.slug })),
    blocks: article.body.map((block, position) => ({
      articleId,
      position,
      ...blockColumns(block),
    })),
    related: article.related.map((r, position) => ({
      articleId,
      position,
      ...r,
      titleKey: slugify(r.title),
    })),
    links: linkKeysOf(article.body).map((urlKey) => ({ articleId, urlKey })),
    notes: [...article.notices.map(note('notice')), ...article.captions.map(note('caption'))],
  }
}

function blockColumns(block: Block): { type: Block['type']; text: string; data: string | null } {
  switch (block.type) {
    case 'list': {
      // Items hold no newline (ingest makes each one line), so the text is the items, once.
      const data = {
        ordered: block.ordered,
        ...(block.itemSpans && { itemSpans: block.itemSpans }),
      }
      return { type: block.type, text: block.items.join('\n'), data: JSON.stringify(data) }
    }
    case 'heading': {
      const data = { level: block.level, ...(block.spans && { spans: block.spans }) }
      return { type: block.type, text: block.text, data: JSON.stringify(data) }
    }
    case 'figure': {
      const data = { url: block.url, alt: block.alt, credit: block.credit }
      return { type: block.type, text: block.text, data: JSON.stringify(data) }
    }
    default:
      // Inline runs beside the text: the text column stays the plain text search reads.
      return {
        type: block.type,
        text: block.text,
        data: block.spans ? JSON.stringify({ spans: block.spans }) : null,
      }
  }
}

export interface NewSource {
  sourceId: string
  articleId: string
  sha256: string
  upload: Upload
  r2Key: string
  /** Where the bytes start in that object, when they are a range of it. */
  r2Offset?: number
  /** The status the document asked for (Prepared.asked). */
  asked: string | null
}

/** New source rows: what each upload was, and the R2 object that holds its bytes. */
export function sourceStatements(db: Db, list: NewSource[]): Statement[] {
  const rows = list.map(({ upload, ...input }) => ({
    id: input.sourceId,
    articleId: input.articleId,
    format: upload.format,
    contentType: upload.contentType,
    sha256: input.sha256,
    byteLength: upload.bytes.length,
    meta: JSON.stringify(upload.meta),
    r2Key: input.r2Key,
    r2Offset: input.r2Offset ?? null,
    asked: input.asked,
  }))
  return chunkRows(rows, 10).map((c) => insertRows(db, sources, c))
}
