import { sql } from 'drizzle-orm'
import type { Db, Statement } from './client'
import { articleAuthors, articleTags, authors, slugRedirects, tags } from './schema'

export type NameKind = 'author' | 'tag'

// Fixed names, never input: what each kind's rows are called.
const TABLES = {
  author: {
    names: sql.raw('authors'),
    links: sql.raw('article_authors'),
    slug: sql.raw('author_slug'),
  },
  tag: { names: sql.raw('tags'), links: sql.raw('article_tags'), slug: sql.raw('tag_slug') },
}

/** The slug an old author or tag slug moved to, unless the old slug names a live one again. */
export async function movedSlug(db: Db, kind: NameKind, slug: string): Promise<string | null> {
  const { names } = TABLES[kind]
  const [row] = await db.all<{ to: string }>(sql`SELECT new_slug AS "to" FROM slug_redirects
    WHERE kind = ${kind} AND old_slug = ${slug}
      AND NOT EXISTS (SELECT 1 FROM ${names} WHERE slug = ${slug})`)
  return row?.to ?? null
}

/** One article's current names (from its current revision's snapshot) beside its links. */
export interface LinkedArticle {
  id: string
  slug: string
  sortKey: string
  revision: number
  /** JSON: the snapshot's `authors` and `tags`, `[{ name, slug }]`. */
  authors: string | null
  tags: string | null
  /** JSON: `[[position, slug]]` of article_authors and article_tags. */
  authorLinks: string
  tagLinks: string
}

/** Articles after `after` in id order, deleted ones too (their links hold slugs as well). */
export const linkedArticles = (db: Db, after: string, limit: number) =>
  db.all<LinkedArticle>(sql`SELECT a.id, a.slug, a.sort_key AS "sortKey", a.revision,
      json_extract(r.snapshot, '$.authors') AS authors, json_extract(r.snapshot, '$.tags') AS tags,
      (SELECT json_group_array(json_array(position, author_slug)) FROM article_authors
        WHERE article_id = a.id) AS "authorLinks",
      (SELECT json_group_array(json_array(position, tag_slug)) FROM article_tags
        WHERE article_id = a.id) AS "tagLinks"
    FROM articles a JOIN revisions r ON r.article_id = a.id AND r.number = a.revision
    WHERE a.id > ${after} ORDER BY a.id LIMIT ${limit}`)

/** Authors or tags after `after` in slug order that no article links to. */
export const unlinkedNames = (db: Db, kind: NameKind, after: string, limit: number) => {
  const { names, links, slug } = TABLES[kind]
  return db.all<{ slug: string; name: string }>(sql`SELECT slug, name FROM ${names} n
    WHERE slug > ${after} AND NOT EXISTS (SELECT 1 FROM ${links} WHERE ${slug} = n.slug)
    ORDER BY slug LIMIT ${limit}`)
}

/** The name's row at a new slug, unless one is there. */
export const nameRow = (db: Db, kind: NameKind, slug: string, name: string): Statement =>
  db
    .insert(kind === 'tag' ? tags : authors)
    .values({ slug, name })
    .onConflictDoNothing()

/** One link of an article to a new slug, while it still names the old one. */
export function relink(
  db: Db,
  kind: NameKind,
  link: { articleId: string; position: number; from: string; to: string },
): Statement {
  const { slug } = TABLES[kind]
  const where = sql`article_id = ${link.articleId} AND position = ${link.position}
    AND ${slug} = ${link.from}`
  return kind === 'tag'
    ? db.update(articleTags).set({ tagSlug: link.to }).where(where)
    : db.update(articleAuthors).set({ authorSlug: link.to }).where(where)
}

/** A link that names the same slug as an earlier one of the same article (two names, one slug). */
export function unlinkRepeat(
  db: Db,
  kind: NameKind,
  link: { articleId: string; position: number; slug: string },
): Statement {
  const { links, slug } = TABLES[kind]
  const where = sql`article_id = ${link.articleId} AND position = ${link.position}
    AND ${slug} = ${link.slug}
    AND EXISTS (SELECT 1 FROM ${links} e WHERE e.article_id = ${link.articleId}
      AND e.${slug} = ${link.slug} AND e.position < ${link.position})`
  return db.delete(kind === 'tag' ? articleTags : articleAuthors).where(where)
}

/**
 * Retires an old slug once no article links to it and its new one is a live row: the old one
 * redirects there (and so does whatever redirected to the old one), its row goes. Checked when
 * the batch runs, so an old slug still linked (another name with the same old slug) stays.
 * The second statement's `meta.changes` is 1 when it retired the slug.
 */
export function retireSlug(db: Db, kind: NameKind, from: string, to: string): Statement[] {
  const { names, links, slug } = TABLES[kind]
  const unlinked = sql`NOT EXISTS (SELECT 1 FROM ${links} WHERE ${slug} = ${from})`
  const live = (s: string) => sql`EXISTS (SELECT 1 FROM ${names} WHERE slug = ${s})`
  const redirected = sql`EXISTS (SELECT 1 FROM slug_redirects WHERE kind = ${kind}
    AND old_slug = ${from})`
  return [
    db
      .insert(slugRedirects)
      .select(
        sql`SELECT ${kind}, ${from}, ${to}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
          WHERE ${live(from)} AND ${live(to)} AND ${unlinked}`,
      )
      .onConflictDoUpdate({
        target: [slugRedirects.kind, slugRedirects.oldSlug],
        set: { newSlug: to },
      }),
    db
      .delete(kind === 'tag' ? tags : authors)
      .where(sql`slug = ${from} AND ${unlinked} AND ${redirected}`),
    db
      .update(slugRedirects)
      .set({ newSlug: to })
      .where(sql`kind = ${kind} AND new_slug = ${from} AND NOT ${live(from)}`),
    db.delete(slugRedirects).where(sql`kind = ${kind} AND old_slug = ${to} AND ${live(to)}`),
  ]
}
