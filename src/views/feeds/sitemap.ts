import { absoluteUrl } from '../paths'
import type { Site } from '../../model/site'
import { rfc3339 } from './dates'
import { el, xmlDocument, type Markup } from './xml'

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'

/** The protocol's limit on `<url>`s in one sitemap and on `<sitemap>`s in one index. */
export const SITEMAP_PAGE_SIZE = 50_000

export interface SitemapUrl {
  /** A path on this site, e.g. `/articles/some-slug`. */
  path: string
  /** ISO 8601; left out of the sitemap when null. */
  lastmod: string | null
}

/**
 * How many `/sitemaps/<n>.xml` files `total` URLs need. Never less than 1: the index must name at
 * least one sitemap (its schema requires one), so with no URLs it names one that holds none.
 */
export function sitemapPageCount(total: number): number {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`not a count: ${total}`)
  return Math.max(1, Math.ceil(total / SITEMAP_PAGE_SIZE))
}

/** Page `n` (from 1) of the sitemap; `/sitemap.xml` is the index that lists them. */
export const sitemapPath = (page: number) => `/sitemaps/${page}.xml`

// Sitemaps want RFC 3986 URLs: the URL parser percent-encodes what a path left raw. Joining
// before parsing keeps the site's host even for a path like `//other.example`.
const loc = (site: Site, path: string) => new URL(absoluteUrl(site, path)).href

function entry(name: 'url' | 'sitemap', site: Site, path: string, lastmod: string | null): Markup {
  const modified = rfc3339(lastmod)
  const children = [el('loc', {}, loc(site, path))]
  if (modified !== null) children.push(el('lastmod', {}, modified))
  return el(name, {}, children)
}

function checkSize(count: number, what: string): void {
  if (count > SITEMAP_PAGE_SIZE) {
    throw new RangeError(`${count} ${what}: one file holds at most ${SITEMAP_PAGE_SIZE}`)
  }
}

/** One `urlset` (sitemaps.org 0.9). Throws past 50,000 URLs: split them with `sitemapPageCount`. */
export function renderSitemap(urls: SitemapUrl[], site: Site): string {
  checkSize(urls.length, 'URLs')
  const children = urls.map((url) => entry('url', site, url.path, url.lastmod))
  return xmlDocument(el('urlset', { xmlns: SITEMAP_NS }, children))
}

/** The `sitemapindex` that `/sitemap.xml` serves, naming each page of the sitemap. */
export function renderSitemapIndex(
  sitemaps: { path: string; lastmod: string | null }[],
  site: Site,
): string {
  checkSize(sitemaps.length, 'sitemaps')
  const children = sitemaps.map((sitemap) => entry('sitemap', site, sitemap.path, sitemap.lastmod))
  return xmlDocument(el('sitemapindex', { xmlns: SITEMAP_NS }, children))
}
