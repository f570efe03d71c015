import { describe, expect, it } from 'vitest'
import {
  renderSitemap,
  renderSitemapIndex,
  SITEMAP_PAGE_SIZE,
  sitemapPageCount,
  sitemapPath,
  type SitemapUrl,
} from '../../../src/views/feeds'
import { count } from '../html'
import { site, slug } from './fixtures'
import { parseXml } from './xml-check'

describe('sitemap', () => {
  it('lists absolute, escaped URLs with their W3C datetimes', () => {
    expect(
      renderSitemap(
        [
          { path: '/', lastmod: '2025-12-01T17:45:30.000Z' },
          { path: `/articles/${slug}`, lastmod: '2025-11-29T06:30:00.000Z' },
          { path: '/tags/u.s.%20%26%20pakistan?page=2&sort=new', lastmod: null },
        ],
        site,
      ),
    ).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n' +
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '<url>\n<loc>http://127.0.0.1:8787/</loc>\n<lastmod>2025-12-01T17:45:30.000Z</lastmod>\n</url>\n' +
        `<url>\n<loc>http://127.0.0.1:8787/articles/${slug}</loc>\n` +
        '<lastmod>2025-11-29T06:30:00.000Z</lastmod>\n</url>\n' +
        '<url>\n<loc>http://127.0.0.1:8787/tags/u.s.%20%26%20pakistan?page=2&amp;sort=new</loc>\n</url>\n' +
        '</urlset>\n',
    )
  })

  it('percent-encodes what a path left raw', () => {
    const xml = renderSitemap([{ path: '/tags/café au lait', lastmod: '2011-09-22' }], site)
    expect(xml).toContain('<loc>http://127.0.0.1:8787/tags/caf%C3%A9%20au%20lait</loc>')
    expect(xml).toContain('<lastmod>2011-09-22T00:00:00.000Z</lastmod>')
  })

  it('is a well-formed urlset even when empty', () => {
    expect(parseXml(renderSitemap([], site)).children).toEqual(['\n\n'])
  })

  it('holds 50,000 URLs and refuses one more', () => {
    const urls: SitemapUrl[] = Array.from({ length: SITEMAP_PAGE_SIZE }, (_, i) => ({
      path: `/articles/a-${i}`,
      lastmod: null,
    }))
    expect(count(renderSitemap(urls, site), '<url>')).toBe(50_000)
    urls.push({ path: '/articles/one-more', lastmod: null })
    expect(() => renderSitemap(urls, site)).toThrow(RangeError)
  })
})

describe('sitemap index', () => {
  it('names each page by absolute URL', () => {
    expect(
      renderSitemapIndex(
        [
          { path: sitemapPath(1), lastmod: '2025-12-01T17:45:30.000Z' },
          { path: sitemapPath(2), lastmod: null },
        ],
        site,
      ),
    ).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n' +
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '<sitemap>\n<loc>http://127.0.0.1:8787/sitemaps/1.xml</loc>\n' +
        '<lastmod>2025-12-01T17:45:30.000Z</lastmod>\n</sitemap>\n' +
        '<sitemap>\n<loc>http://127.0.0.1:8787/sitemaps/2.xml</loc>\n</sitemap>\n' +
        '</sitemapindex>\n',
    )
  })

  it('refuses more than 50,000 sitemaps', () => {
    const pages = Array.from({ length: SITEMAP_PAGE_SIZE + 1 }, (_, i) => ({
      path: sitemapPath(i + 1),
      lastmod: null,
    }))
    expect(() => renderSitemapIndex(pages, site)).toThrow(RangeError)
  })
})

describe('sitemap pages', () => {
  // 0 URLs still make one (empty) page: the index's schema requires at least one sitemap.
  it.each([
    [0, 1],
    [1, 1],
    [50_000, 1],
    [50_001, 2],
    [100_000, 2],
    [120_000, 3],
  ])('%i URLs need %i page(s)', (total, pages) => {
    expect(sitemapPageCount(total)).toBe(pages)
  })

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s as a count', (total) => {
    expect(() => sitemapPageCount(total)).toThrow(RangeError)
  })

  it('numbers pages from 1 under /sitemaps/', () => {
    expect(sitemapPath(1)).toBe('/sitemaps/1.xml')
    expect(sitemapPath(3)).toBe('/sitemaps/3.xml')
  })
})
