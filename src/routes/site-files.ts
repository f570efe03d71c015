import { Hono } from 'hono'
import { INDEX_SCOPE } from '../cache/scopes'
import { createDb } from '../db/client'
import { countLiveArticles, sitemapEntries } from '../db/listing-read'
import type { AppEnv } from '../env'
import { notFound } from '../http/errors'
import {
  renderRobotsTxt,
  renderSitemap,
  renderSitemapIndex,
  SITEMAP_PAGE_SIZE,
  sitemapPageCount,
  sitemapPath,
} from '../views/feeds'
import { serveCachedPage } from './cached-page'
import { siteOf } from './site'
import { ICON_SVG } from '../views/layout'

const XML = 'application/xml; charset=utf-8'

/**
 * /sitemap.xml lists every article, or past 50,000 of them becomes an index of /sitemaps/<n>.xml
 * pages; /robots.txt points crawlers at it. /favicon.ico is the pages' own icon, for what asks
 * for it by that name (feed readers, bookmarks, browsers on other documents such as the feeds).
 */
export const siteFiles = new Hono<AppEnv>()
  .get('/favicon.ico', (c) =>
    c.body(ICON_SVG, 200, {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=86400',
    }),
  )
  .get('/robots.txt', (c) => c.text(renderRobotsTxt(siteOf(c))))
  .get('/sitemap.xml', async (c) => {
    const response = await serveCachedPage(c, {
      scope: INDEX_SCOPE,
      variant: 'sitemap',
      contentType: XML,
      render: async () => {
        const db = createDb(c.env.DB)
        const total = await countLiveArticles(db)
        if (total <= SITEMAP_PAGE_SIZE) {
          const urls = await sitemapEntries(db, 1, SITEMAP_PAGE_SIZE)
          return renderSitemap([{ path: '/', lastmod: null }, ...urls], siteOf(c))
        }
        const pages = Array.from({ length: sitemapPageCount(total) }, (_, i) => ({
          path: sitemapPath(i + 1),
          lastmod: null,
        }))
        return renderSitemapIndex(pages, siteOf(c))
      },
    })
    return response ?? c.notFound()
  })
  .get('/sitemaps/:file{[0-9]{1,6}\\.xml}', async (c) => {
    const page = Number.parseInt(c.req.param('file'), 10)
    const response = await serveCachedPage(c, {
      scope: INDEX_SCOPE,
      variant: `sitemap:${page}`,
      contentType: XML,
      render: async () => {
        const urls = await sitemapEntries(createDb(c.env.DB), page, SITEMAP_PAGE_SIZE)
        return page >= 1 && urls.length > 0 ? renderSitemap(urls, siteOf(c)) : null
      },
    })
    if (!response) throw notFound('sitemap page')
    return response
  })
