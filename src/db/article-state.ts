import { and, asc, eq, inArray, isNull, lte, ne, sql, type Placeholder } from 'drizzle-orm'
import { slugify } from '../ingest/slug'
import type { NormalizedArticle } from '../model/article'
import { linkKey, pageKey } from '../model/link-key'
import type { Db, Statement } from './client'
import { rendered, renderedWithLists } from './rendered'
import { articleAuthors, articles, articleTags, links, related, revisions, sources } from './schema'

/** What one article is listed under: a change to it can alter those pages. */
export interface ArticleLinks {
  authorSlugs: readonly string[]
  tagSlugs: readonly string[]
  /** The archive month the article is listed under (`YYYY-MM`). */
  month: string
}

/** What a stored article links to now, and the keys other articles match it by (see matchKeys). */
export interface ArticleState extends ArticleLinks {
  sortKey: string
  keys: string[]
}

const current = {
  id: articles.id,
  identity: articles.identity,
  slug: articles.slug,
  revision: articles.revision,
  fingerprint: articles.fingerprint,
  deletedAt: articles.deletedAt,
  status: articles.status,
  publishAt: articles.publishAt,
  sourceSha256: sources.sha256,
  sourceAsked: sources.asked,
}

const currentQuery = rendered((db) =>
  db
    .select(current)
    .from(articles)
    .innerJoin(sources, eq(sources.id, articles.sourceId))
    .where(eq(articles.identity, sql.placeholder('identity'))),
)

/** The article an identity names, live or deleted, with the hash of its current source. */
export type CurrentArticle = NonNullable<Awaited<ReturnType<typeof currentQuery.get>>>

/** The same for many identities, by identity: one statement per 90 of them. */
export async function currentByIdentities(
  db: Db,
  identities: string[],
): Promise<Map<string, CurrentArticle>> {
  const found = new Map<string, CurrentArticle>()
  for (let i = 0; i < identities.length; i += 90) {
    const rows = await db
      .select(current)
      .from(articles)
      .innerJoin(sources, eq(sources.id, articles.sourceId))
      .where(inArray(articles.identity, identities.slice(i, i + 90)))
      .all()
    for (const row of rows) found.set(row.identity, row)
  }
  return found
}

/** The live article at a slug: what re-normalizing or deleting it starts from. */
export const liveBySlug = (db: Db, slug: string) =>
  db
    .select({
      id: articles.id,
      identity: articles.identity,
      slug: articles.slug,
      revision: articles.revision,
      fingerprint: articles.fingerprint,
      sourceId: articles.sourceId,
      status: articles.status,
      publishAt: articles.publishAt,
    })
    .from(articles)
    .where(and(eq(articles.slug, slug), isNull(articles.deletedAt)))
    .get()

export type LiveArticle = NonNullable<Awaited<ReturnType<typeof liveBySlug>>>

/** One revision as stored: what it normalized to, from which source, and the status it gave. */
export async function storedRevision(db: Db, articleId: string, number: number) {
  const row = await db
    .select({
      number: revisions.number,
      sourceId: revisions.sourceId,
      fingerprint: revisions.fingerprint,
      reason: revisions.reason,
      snapshot: revisions.snapshot,
      status: revisions.status,
      publishAt: revisions.publishAt,
      createdAt: revisions.createdAt,
    })
    .from(revisions)
    .where(and(eq(revisions.articleId, articleId), eq(revisions.number, number)))
    .get()
  return row && { ...row, article: JSON.parse(row.snapshot) as NormalizedArticle }
}

export type StoredRevision = NonNullable<Awaited<ReturnType<typeof storedRevision>>>

/** A source of this article with these bytes, stored by an earlier upload. */
export const sourceWithHash = (db: Db, articleId: string, sha256: string) =>
  db
    .select({ id: sources.id })
    .from(sources)
    .where(and(eq(sources.articleId, articleId), eq(sources.sha256, sha256)))
    .get()

export async function stateOf(db: Db, articleId: string): Promise<ArticleState> {
  const [rows, authorRows, tagRows] = await db.batch([
    db
      .select({
        slug: articles.slug,
        sortKey: articles.sortKey,
        titleKey: articles.titleKey,
        headlineKey: articles.headlineKey,
        linkKey: articles.linkKey,
      })
      .from(articles)
      .where(eq(articles.id, articleId)),
    db
      .select({ slug: articleAuthors.authorSlug })
      .from(articleAuthors)
      .where(eq(articleAuthors.articleId, articleId)),
    db
      .select({ slug: articleTags.tagSlug })
      .from(articleTags)
      .where(eq(articleTags.articleId, articleId)),
  ])
  const row = rows[0]
  return {
    authorSlugs: authorRows.map((r) => r.slug),
    tagSlugs: tagRows.map((r) => r.slug),
    sortKey: row?.sortKey ?? '',
    month: (row?.sortKey ?? '').slice(0, 7),
    keys: [row?.titleKey, row?.headlineKey, row && pageKey(row.slug), row?.linkKey].filter(
      (k): k is string => Boolean(k),
    ),
  }
}

/**
 * The keys other articles name an article by: its title and headline keys (matched by related
 * headlines), and the link keys of its page here and of its sourceUrl (matched by links in the
 * text). Link keys start with `/`, which a title key never does. A new article's page is its
 * slug as normalized; the slug it gets is that one unless another article has it.
 */
export function matchKeys(article: NormalizedArticle): string[] {
  const source = article.sourceUrl && linkKey(article.sourceUrl)
  const keys = [slugify(article.title), slugify(article.headline), pageKey(article.slug)]
  return [...new Set(source ? [...keys, source] : keys)]
}

/**
 * A live article whose page names another: it links there from its text (then its author and tag
 * feeds show that link too), or names it in a related headline (shown on its page only).
 */
export interface LinkingArticle {
  slug: string
  authorSlugs: string[]
  tagSlugs: string[]
}

/** Keys bound per statement, well under D1's 100 bound parameters. */
const KEYS_PER_READ = 90

type Keys = (string | Placeholder)[]

/**
 * Not deleted, without offering the planner the listing index (unary `+`): led by `deleted_at`,
 * it can look selective to SQLite, and SQLite 3.40 then walks every live article and probes its
 * related headlines or links instead of looking the keys up. The SQLite in workerd looks the keys
 * up either way; the `+` keeps the plan from depending on the planner's version or statistics.
 */
const notDeleted = () => isNull(sql`+${articles.deletedAt}`)

/** Live articles other than `exceptId` whose related headlines match one of `titles`. */
const byRelated = (db: Db, titles: Keys, exceptId: Placeholder) =>
  db
    .select({
      slug: articles.slug,
      // Named: a batch's rows come back keyed by column name, and both would be "NULL".
      authors: sql<string | null>`NULL`.as('authors'),
      tags: sql<string | null>`NULL`.as('tags'),
    })
    .from(related)
    .innerJoin(articles, eq(articles.id, related.articleId))
    .where(and(inArray(related.titleKey, titles), notDeleted(), ne(articles.id, exceptId)))

/** The same for links in the text to one of `targets`, with the article's authors and tags. */
const byTextLinks = (db: Db, targets: Keys, exceptId: Placeholder) =>
  db
    .select({
      slug: articles.slug,
      authors: sql<string | null>`(SELECT json_group_array(author_slug) FROM article_authors
        WHERE article_id = ${articles.id})`,
      tags: sql<string | null>`(SELECT json_group_array(tag_slug) FROM article_tags
        WHERE article_id = ${articles.id})`,
    })
    .from(links)
    .innerJoin(articles, eq(articles.id, links.articleId))
    .where(and(inArray(links.urlKey, targets), notDeleted(), ne(articles.id, exceptId)))

/** One statement for both kinds of key (a union when there are both). */
const linkingQuery = renderedWithLists((db, titles = [], targets = []) => {
  const exceptId = sql.placeholder('exceptId')
  if (targets.length === 0) return byRelated(db, titles, exceptId)
  if (titles.length === 0) return byTextLinks(db, targets, exceptId)
  return byRelated(db, titles, exceptId).unionAll(byTextLinks(db, targets, exceptId))
})

/** articlesLinkingTo's statements, for a batch: one per 90 keys. */
export function linkingStatements(db: Db, keys: string[], exceptId: string): Statement[] {
  const unique = [...new Set(keys)]
  const statements = []
  for (let i = 0; i < unique.length; i += KEYS_PER_READ) {
    const chunk = unique.slice(i, i + KEYS_PER_READ)
    const titles = chunk.filter((k) => !k.startsWith('/'))
    const targets = chunk.filter((k) => k.startsWith('/'))
    statements.push(linkingQuery.statement(db, [titles, targets], { exceptId }))
  }
  return statements
}

/** What linkingStatements read, once their batch has run. */
const linkingFromResults = (results: readonly unknown[]): LinkingArticle[] =>
  results.flatMap(linkingQuery.rowsOf).map(({ slug, authors, tags }) => ({
    slug,
    // A related headline shows on the article's page only; text shows in its feeds too.
    authorSlugs: authors === null ? [] : (JSON.parse(authors) as string[]),
    tagSlugs: tags === null ? [] : (JSON.parse(tags) as string[]),
  }))

/**
 * Live articles (other than `exceptId`) that name an article by any of `keys` (see matchKeys):
 * the pages a change to it alters. One statement per 90 keys, all in one D1 call.
 */
export async function articlesLinkingTo(
  db: Db,
  keys: string[],
  exceptId: string,
): Promise<LinkingArticle[]> {
  const statements = linkingStatements(db, keys, exceptId)
  if (statements.length === 0) return []
  return linkingFromResults(await db.batch(statements as [Statement, ...Statement[]]))
}

/**
 * What an upload's write starts from, both in one D1 call: the article its identity names, and
 * the live articles that would name it as a new article (`keys`, see matchKeys).
 */
export async function beforeUpload(
  db: Db,
  identity: string,
  keys: string[],
): Promise<{ current: CurrentArticle | undefined; linking: LinkingArticle[] }> {
  const [found, ...linking] = await db.batch([
    currentQuery.statement(db, { identity }),
    ...linkingStatements(db, keys, ''),
  ])
  return { current: currentQuery.rowsOf(found)[0], linking: linkingFromResults(linking) }
}

/** Scheduled live articles whose time has come by `now` (ISO), the longest overdue first. */
export const dueArticles = (db: Db, now: string, limit: number) =>
  db
    .select({ slug: articles.slug })
    .from(articles)
    .where(
      and(
        eq(articles.status, 'scheduled'),
        lte(articles.publishAt, now),
        isNull(articles.deletedAt),
      ),
    )
    .orderBy(asc(articles.publishAt))
    .limit(limit)
    .all()
