import type { PageSpec } from '../cache/pages'
import { INDEX_SCOPE } from '../cache/scopes'
import { getArticlesByIds, isPublic } from '../db/article-read'
import type { Db } from '../db/client'
import { encodeCursor } from '../db/cursor'
import { listMonths, neighbourMonths } from '../db/archive-read'
import { countLiveArticles, listArticles, nextMonth, sitemapEntries } from '../db/listing-read'
import type { Site } from '../model/site'
import {
  renderAtomFeed,
  renderJsonFeed,
  renderSitemap,
  renderSitemapIndex,
  SITEMAP_PAGE_SIZE,
  sitemapPageCount,
  sitemapPath,
} from '../views/feeds'
import { renderArchivePage } from '../views/archive-page'
import { renderIndexPage } from '../views/index-page'
import { feedPath, type Collection } from './collections'
import { parseListCursor } from './cursors'

/** The read service for listings: pages, JSON, feeds and the sitemap of each collection. */

export const PAGE_SIZE = 20
const FEED_SIZE = 20
/** Feeds with no entries still need an `updated` date; a fixed one keeps them cacheable. */
const EMPTY_FEED_UPDATED = '2000-01-01T00:00:00.000Z'
const XML = 'application/xml; charset=utf-8'

async function page(db: Db, collection: Collection, limit: number, cursor?: string) {
  const { items, next } = await listArticles(db, {
    limit,
    cursor: parseListCursor(cursor),
    filter: collection.filter,
  })
  return { items, nextCursor: next && encodeCursor(next) }
}

/**
 * An author, tag or month with no live article is no page (the site's front page always is);
 * a later page past the end is an empty page.
 */
const isGone = (collection: Collection, items: unknown[], cursor: string | undefined) =>
  items.length === 0 && cursor === undefined && collection.noun !== 'site'

/** A page of a collection as the API answers it; null when the collection has no articles. */
export async function listingJson(db: Db, collection: Collection, limit: number, cursor?: string) {
  const listed = await page(db, collection, limit, cursor)
  if (isGone(collection, listed.items, cursor)) return null
  return { ...collection.subject, ...listed }
}

/** A collection's HTML page; `cursor` is checked before anything is read. */
export function listingPage(
  collection: Collection,
  site: Site,
  cursor: string | undefined,
): PageSpec {
  parseListCursor(cursor)
  return {
    scope: collection.scope,
    variant: `${collection.variantPrefix ?? ''}html:${cursor ?? ''}`,
    shared: cursor === undefined,
    render: async (db) => {
      const { items, nextCursor } = await page(db, collection, PAGE_SIZE, cursor)
      if (isGone(collection, items, cursor)) return null
      const filter = collection.filter
      const months =
        filter && 'month' in filter
          ? await neighbourMonths(db, filter.month, nextMonth(filter.month))
          : undefined
      const feeds =
        collection.noun === 'author' || collection.noun === 'tag'
          ? { title: `${collection.heading} | ${site.name}`, basePath: collection.basePath }
          : undefined
      return renderIndexPage(items, nextCursor, site, {
        heading: collection.heading,
        basePath: collection.basePath,
        cursor,
        feeds,
        months,
      })
    },
  }
}

/** A collection's Atom or JSON Feed: its newest articles, whole. */
export function feedPage(collection: Collection, site: Site, format: 'xml' | 'json'): PageSpec {
  return {
    scope: collection.scope,
    variant: `feed.${format}`,
    contentType:
      format === 'xml'
        ? 'application/atom+xml; charset=utf-8'
        : 'application/feed+json; charset=utf-8',
    render: async (db) => {
      const { items } = await listArticles(db, {
        limit: FEED_SIZE,
        cursor: null,
        filter: collection.filter,
      })
      const entries = (
        await getArticlesByIds(
          db,
          items.map((i) => i.id),
        )
      ).filter(isPublic)
      const info = {
        title: collection.heading ? `${collection.heading} | ${site.name}` : site.name,
        path: feedPath(collection, format),
        htmlPath: collection.basePath,
        updatedFallback: EMPTY_FEED_UPDATED,
      }
      return format === 'xml'
        ? renderAtomFeed(info, entries, site)
        : renderJsonFeed(info, entries, site)
    },
  }
}

/** /archive: every month with a published article, under the index scope every write bumps. */
export const archivePage = (site: Site): PageSpec => ({
  scope: INDEX_SCOPE,
  variant: 'archive:html',
  shared: true,
  render: async (db) => renderArchivePage(await listMonths(db), site),
})

/**
 * /sitemap.xml lists every article, or past 50,000 of them becomes an index of /sitemaps/<n>.xml
 * pages.
 */
export const sitemapPage = (site: Site): PageSpec => ({
  scope: INDEX_SCOPE,
  variant: 'sitemap',
  contentType: XML,
  render: async (db) => {
    const total = await countLiveArticles(db)
    if (total <= SITEMAP_PAGE_SIZE) {
      const urls = await sitemapEntries(db, 1, SITEMAP_PAGE_SIZE)
      return renderSitemap([{ path: '/', lastmod: null }, ...urls], site)
    }
    const pages = Array.from({ length: sitemapPageCount(total) }, (_, i) => ({
      path: sitemapPath(i + 1),
      lastmod: null,
    }))
    return renderSitemapIndex(pages, site)
  },
})

/** One page of a sitemap index; null past the last. */
export const sitemapPart = (site: Site, part: number): PageSpec => ({
  scope: INDEX_SCOPE,
  variant: `sitemap:${part}`,
  contentType: XML,
  render: async (db) => {
    const urls = await sitemapEntries(db, part, SITEMAP_PAGE_SIZE)
    return part >= 1 && urls.length > 0 ? renderSitemap(urls, site) : null
  },
})
