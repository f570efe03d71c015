import type { Context } from 'hono'
import { archiveScope, authorScope, INDEX_SCOPE, tagScope } from '../cache/scopes'
import { createDb } from '../db/client'
import { getAuthor, getTag, type ListFilter } from '../db/listing-read'
import type { AppEnv } from '../env'
import { formatMonth } from '../views/format'
import { SLUG_PATTERN } from './validation'

/** A listing: the whole site, one author's or one tag's articles, or one month's. */
export interface Collection {
  scope: string
  /** The HTML page; feeds live at `${basePath}/feed.xml` (`/feed.xml` for the site). */
  basePath: string
  heading?: string
  filter: ListFilter
  /** What the JSON answer names the collection by. */
  subject?: Record<string, unknown>
}

export const SITE: Collection = { scope: INDEX_SCOPE, basePath: '/', filter: null }

/** The collection a path names, or null when it names nothing that exists. */
export async function findCollection(
  c: Context<AppEnv>,
  kind: 'authors' | 'tags' | 'archive',
  key: string,
): Promise<Collection | null> {
  if (kind === 'archive') {
    const match = /^(\d{4})\/(\d{2})$/.exec(key)
    const month = Number(match?.[2])
    if (!match || month < 1 || month > 12) return null
    const value = `${match[1]}-${match[2]}`
    return {
      scope: archiveScope(value),
      basePath: `/archive/${key}`,
      heading: formatMonth(match[1]!, month),
      filter: { month: value },
      subject: { month: value },
    }
  }
  if (!SLUG_PATTERN.test(key) || key.length > 120) return null
  const db = createDb(c.env.DB)
  const found = kind === 'authors' ? await getAuthor(db, key) : await getTag(db, key)
  if (!found) return null
  const named = { name: found.name, slug: found.slug }
  return kind === 'authors'
    ? {
        scope: authorScope(key),
        basePath: `/authors/${key}`,
        heading: found.name,
        filter: { author: key },
        subject: { author: named },
      }
    : {
        scope: tagScope(key),
        basePath: `/tags/${key}`,
        heading: found.name,
        filter: { tag: key },
        subject: { tag: named },
      }
}

export const feedPath = (collection: Collection, extension: 'xml' | 'json') =>
  `${collection.basePath === '/' ? '' : collection.basePath}/feed.${extension}`
