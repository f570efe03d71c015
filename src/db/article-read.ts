import { and, eq, inArray, isNull, sql, type Placeholder } from 'drizzle-orm'
import {
  readingMinutes,
  type Article,
  type Block,
  type Named,
  type NormalizedArticle,
  type Span,
} from '../model/article'
import type { Db } from './client'
import { isStorageUnavailable } from './errors'
import { LINK_TARGETS, linkTargets, withLocalLinks } from './link-targets'
import { rendered, renderedWithLists } from './rendered'
import { articles, revisions, sources, type ArticleRow } from './schema'

export const articleUrl = (slug: string) => `/articles/${slug}`

/** Whether readers may see an article: drafts and scheduled articles are the API's alone. */
export const isPublic = (article: Pick<Article, 'status'>) => article.status === 'published'

/**
 * The full article for a live slug, whatever its status; null when missing or deleted. Public
 * surfaces show it only when `isPublic` (the status comes in the same read, at no extra cost).
 */
export async function getArticle(db: Db, slug: string): Promise<Article | null> {
  const [article] = await loadArticles(db, { slug })
  return article ?? null
}

/** Ids per statement: each is bound once, so a read stays well under D1's 100 bound parameters. */
const IDS_PER_READ = 90

/** Full live articles by id, in the order of `ids`. */
export async function getArticlesByIds(db: Db, ids: string[]): Promise<Article[]> {
  const byId = new Map<string, Article>()
  for (let i = 0; i < ids.length; i += IDS_PER_READ) {
    for (const a of await loadArticles(db, { ids: ids.slice(i, i + IDS_PER_READ) })) {
      byId.set(a.id, a)
    }
  }
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** Which articles to read: one by slug, or up to 90 by id. */
export type ArticleMatch = { slug: string } | { ids: string[] }

// Each child list comes back as one JSON array per article, its rows tagged with their position
// and put in order here: a correlated subquery per list keeps the read to one statement (a D1
// call costs far more than its rows), and ordering in JavaScript needs no `ORDER BY` inside an
// aggregate, which SQLite only has since 3.44.
const AUTHORS = sql.raw(`(SELECT json_group_array(json_array(aa.position, au.name, au.slug))
  FROM article_authors aa JOIN authors au ON au.slug = aa.author_slug
  WHERE aa.article_id = articles.id)`)
const TAGS = sql.raw(`(SELECT json_group_array(json_array(at.position, t.name, t.slug))
  FROM article_tags at JOIN tags t ON t.slug = at.tag_slug
  WHERE at.article_id = articles.id)`)
const BLOCKS =
  sql.raw(`(SELECT json_group_array(json_array(b.position, b.type, b.text, json(b.data)))
  FROM blocks b WHERE b.article_id = articles.id)`)
const NOTES = sql.raw(`(SELECT json_group_array(json_array(n.kind, n.position, n.text))
  FROM notes n WHERE n.article_id = articles.id)`)
/**
 * Related headlines, each with the stored article it names when it has no URL of its own: another
 * live, published article whose title or headline key is the headline's key (the first slug,
 * when several). Two lookups, each on its own index: an OR in one condition would walk every article.
 */
const RELATED = sql.raw(`(SELECT json_group_array(json_array(r.position, r.title, r.url,
    CASE WHEN r.url IS NULL THEN (SELECT min(o.slug) FROM articles o
      WHERE o.rowid IN (SELECT rowid FROM articles WHERE title_key = r.title_key
                        UNION SELECT rowid FROM articles WHERE headline_key = r.title_key)
        AND +o.deleted_at IS NULL AND +o.status = 'published' AND o.id <> r.article_id) END))
  FROM related r WHERE r.article_id = articles.id)`)

/**
 * The one statement that reads whole live articles with all their rows (one statement, so the
 * rows agree with each other). tests/db/article-read-plan.test.ts keeps every step on an index.
 */
export function articleReadStatement(
  db: Db,
  match: { slug: string | Placeholder } | { ids: (string | Placeholder)[] },
) {
  return db
    .select({
      article: articles,
      source: { format: sources.format, sha256: sources.sha256 },
      authors: sql<string>`${AUTHORS}`,
      tags: sql<string>`${TAGS}`,
      blocks: sql<string>`${BLOCKS}`,
      related: sql<string>`${RELATED}`,
      links: sql<string>`${LINK_TARGETS}`,
      notes: sql<string>`${NOTES}`,
    })
    .from(articles)
    .innerJoin(sources, eq(sources.id, articles.sourceId))
    .where(
      and(
        'slug' in match ? eq(articles.slug, match.slug) : inArray(articles.id, match.ids),
        isNull(articles.deletedAt),
      ),
    )
}

type ReadRow = Awaited<ReturnType<ReturnType<typeof articleReadStatement>['all']>>[number]

/** The article a batch's `articleReadStatement` read, once the batch has run. */
export const articleFromRows = (rows: readonly ReadRow[]): Article | null =>
  rows[0] ? fromRow(rows[0]) : null

// Every first view reads by slug, and every upload reads back by id: drizzle takes about as much
// CPU to render this statement as D1 takes to run it.
const bySlug = rendered((db) => articleReadStatement(db, { slug: sql.placeholder('slug') }))
const byIds = renderedWithLists((db, ids = []) => articleReadStatement(db, { ids }))

/** `articleReadStatement` by ids, for a batch (`articleFromRows` reads its result). */
export const articleReadByIds = (db: Db, ids: string[]) => byIds.statement(db, [ids])

async function loadArticles(db: Db, match: ArticleMatch): Promise<Article[]> {
  if ('ids' in match && match.ids.length === 0) return []
  try {
    const rows =
      'slug' in match
        ? await bySlug.all(db, { slug: match.slug })
        : await byIds.all(db, [match.ids])
    return rows.map(fromRow)
  } catch (error) {
    if (isStorageUnavailable(error)) throw error
    // A value too large to build (an article stored before the size bounds in ingest/limits.ts):
    // that article is read from its snapshot, and the others as usual.
    console.error('article read failed; reading one at a time:', causeOf(error))
    if ('slug' in match) return readSnapshots(db, match)
    const one = await Promise.all(match.ids.map((id) => loadOne(db, id)))
    return one.flat()
  }
}

async function loadOne(db: Db, id: string): Promise<Article[]> {
  try {
    return (await byIds.all(db, [[id]])).map(fromRow)
  } catch (error) {
    if (isStorageUnavailable(error)) throw error
    try {
      return await readSnapshots(db, { ids: [id] })
    } catch (again) {
      if (isStorageUnavailable(again)) throw again
      console.error('article left out: it cannot be read', id, causeOf(again))
      return []
    }
  }
}

/** What D1 said, without the statement drizzle puts around it. */
const causeOf = (error: unknown) =>
  String((error instanceof Error && error.cause instanceof Error ? error.cause : error) ?? error)

/**
 * Articles rebuilt from their current revision's snapshot: what the normalizer made, without the
 * related headlines that name no URL, or the links in the text, resolved to stored articles.
 */
async function readSnapshots(db: Db, match: ArticleMatch): Promise<Article[]> {
  const rows = await db
    .select({
      article: articles,
      source: { format: sources.format, sha256: sources.sha256 },
      snapshot: revisions.snapshot,
    })
    .from(articles)
    .innerJoin(sources, eq(sources.id, articles.sourceId))
    .innerJoin(
      revisions,
      and(eq(revisions.articleId, articles.id), eq(revisions.number, articles.revision)),
    )
    .where(
      and(
        'slug' in match ? eq(articles.slug, match.slug) : inArray(articles.id, match.ids),
        isNull(articles.deletedAt),
      ),
    )
    .all()
  return rows.map(({ article, source, snapshot }) => {
    const s = JSON.parse(snapshot) as NormalizedArticle
    return toArticle(article, source, s)
  })
}

/** A JSON array of tuples from one of the list subqueries, in order of their first element. */
function tuples<T extends unknown[]>(json: string | null): T[] {
  const rows = JSON.parse(json ?? '[]') as T[]
  return rows.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]))
}
const compare = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))

const named = (json: string | null): Named[] =>
  tuples<[number, string, string]>(json).map(([, name, slug]) => ({ name, slug }))

type Lists = Pick<Article, 'authors' | 'body' | 'related' | 'notices' | 'captions' | 'tags'>

function fromRow({ article, source, ...lists }: ReadRow): Article {
  const notes = tuples<['caption' | 'notice', number, string]>(lists.notes)
  return toArticle(article, source, {
    authors: named(lists.authors),
    body: withLocalLinks(tuples<BlockTuple>(lists.blocks).map(toBlock), linkTargets(lists.links)),
    related: tuples<[number, string, string | null, string | null]>(lists.related).map(
      ([, title, url, linked]) => ({ title, url: url ?? (linked && articleUrl(linked)) }),
    ),
    notices: notes.filter(([kind]) => kind === 'notice').map(([, , text]) => text),
    captions: notes.filter(([kind]) => kind === 'caption').map(([, , text]) => text),
    tags: named(lists.tags),
  })
}

function toArticle(
  a: ArticleRow,
  source: { format: Article['source']['format']; sha256: string },
  lists: Lists,
): Article {
  return {
    id: a.id,
    slug: a.slug,
    url: articleUrl(a.slug),
    title: a.title,
    headline: a.headline,
    kicker: a.kicker,
    dateline: a.dateline,
    authors: lists.authors,
    body: lists.body,
    related: lists.related,
    notices: lists.notices,
    captions: lists.captions,
    tags: lists.tags,
    summary: a.summary,
    wordCount: a.wordCount,
    readingMinutes: readingMinutes(a.wordCount),
    publishedAt: a.publishedAt,
    modifiedAt: a.modifiedAt,
    siteName: a.siteName,
    language: a.language,
    image: a.imageUrl ? { url: a.imageUrl, caption: a.imageCaption } : null,
    status: a.status,
    publishAt: a.publishAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    revision: a.revision,
    source: { format: source.format, url: a.sourceUrl, contentHash: source.sha256 },
  }
}

/** A block row: position, type, text and what the type needs beyond text. */
type BlockTuple = [number, string, string, BlockData | null]
interface BlockData {
  level?: 2 | 3 | 4
  ordered?: boolean
  /** Lists stored before the items moved to `text`, one a line. */
  items?: string[]
  itemSpans?: (Span[] | null)[]
  spans?: Span[]
  url?: string
  alt?: string
  credit?: string | null
}

function toBlock([, type, text, data]: BlockTuple): Block {
  const spans = data?.spans && { spans: data.spans }
  switch (type) {
    case 'heading':
      return { type: 'heading', level: data?.level ?? 2, text, ...spans }
    case 'quote':
      return { type: 'quote', text, ...spans }
    case 'list':
      return {
        type: 'list',
        ordered: Boolean(data?.ordered),
        items: data?.items ?? text.split('\n'),
        ...(data?.itemSpans && { itemSpans: data.itemSpans }),
      }
    case 'figure':
      return {
        type: 'figure',
        text,
        url: data?.url ?? '',
        alt: data?.alt ?? '',
        credit: data?.credit ?? null,
      }
    default:
      return { type: 'paragraph', text, ...spans }
  }
}
