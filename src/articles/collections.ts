import { authorScope, INDEX_SCOPE, tagScope } from '../cache/scopes'
import type { Db } from '../db/client'
import { getAuthor, getTag, type ListFilter } from '../db/listing-read'
import { movedSlug } from '../db/slug-redirects'
import { canonicalSlug } from '../ingest/name-slug'
import { formatMonth } from '../views/format'
import { authorPath, tagPath } from '../views/paths'

/** A listing: the whole site, one author's or one tag's articles, or one month's. */
export interface Collection {
  /** What a 404 calls it: `No such author.` */
  noun: 'site' | 'author' | 'tag' | 'month'
  scope: string
  /** Told apart from other pages in the same scope by it (a month's pages share the index's). */
  variantPrefix?: string
  /** The HTML page; feeds live at `${basePath}/feed.xml` (`/feed.xml` for the site). */
  basePath: string
  heading?: string
  filter: ListFilter
  /** What the JSON answer names the collection by. */
  subject?: Record<string, unknown>
}

export const SITE: Collection = { noun: 'site', scope: INDEX_SCOPE, basePath: '/', filter: null }

export type CollectionKind = 'authors' | 'tags'

/** The month a path names (`2011/09`), or null: known from the path alone, without D1. */
export function archiveCollection(key: string): Collection | null {
  const match = /^(\d{4})\/(\d{2})$/.exec(key)
  const month = Number(match?.[2])
  if (!match || month < 1 || month > 12) return null
  const value = `${match[1]}-${match[2]}`
  return {
    noun: 'month',
    // Not archiveScope(value): the page links to the nearest months with articles, which a write
    // to any month can change, and every write bumps the index scope.
    scope: INDEX_SCOPE,
    variantPrefix: `month:${value}:`,
    basePath: `/archive/${key}`,
    heading: formatMonth(match[1]!, month),
    filter: { month: value },
    subject: { month: value },
  }
}

/**
 * The author or tag a path segment names: its collection when the segment is its slug; the slug
 * to redirect to when the segment is another form of one (`東京` in NFD, `ДМИТРИЙ-МЕДВЕДЕВ`) or an
 * old slug it was renamed from (`tag-1pgij4`); else null.
 */
export async function findCollection(
  db: Db,
  kind: CollectionKind,
  segment: string,
): Promise<Collection | { movedTo: string } | null> {
  const key = canonicalSlug(segment)
  if (key === null) return null
  const found = kind === 'authors' ? await getAuthor(db, key) : await getTag(db, key)
  if (found && key !== segment) return { movedTo: key }
  if (!found) {
    const movedTo = await movedSlug(db, kind === 'authors' ? 'author' : 'tag', key)
    return movedTo === null ? null : { movedTo }
  }
  const named = { name: found.name, slug: found.slug }
  return kind === 'authors'
    ? {
        noun: 'author',
        scope: authorScope(key),
        basePath: authorPath(key),
        heading: found.name,
        filter: { author: key },
        subject: { author: named },
      }
    : {
        noun: 'tag',
        scope: tagScope(key),
        basePath: tagPath(key),
        heading: found.name,
        filter: { tag: key },
        subject: { tag: named },
      }
}

export const feedPath = (collection: Collection, extension: 'xml' | 'json') =>
  `${collection.basePath === '/' ? '' : collection.basePath}/feed.${extension}`
