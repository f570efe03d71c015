import { Hono } from 'hono'
import { sitemapPage, sitemapPart } from '../articles/listings'
import { createDb } from '../db/client'
import type { AppEnv } from '../env'
import { notFound } from '../errors'
import { serveCachedPage } from '../http/cached-page'
import { siteOf } from '../settings'
import { renderRobotsTxt } from '../views/feeds'
import { ICON_SVG } from '../views/layout'

/**
 * /sitemap.xml (an index of /sitemaps/<n>.xml pages past 50,000 articles) and /robots.txt, which
 * points crawlers at it. /favicon.ico is the pages' own icon, for what asks for it by that name
 * (feed readers, bookmarks, browsers on other documents such as the feeds).
 */
export const siteFiles = new Hono<AppEnv>()
  .get('/favicon.ico', (c) =>
    c.body(ICON_SVG, 200, {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=86400',
    }),
  )
  .get('/robots.txt', (c) => c.text(renderRobotsTxt(siteOf(c.env))))
  .get('/sitemap.xml', async (c) => {
    const response = await serveCachedPage(c, sitemapPage(createDb(c.env.DB), siteOf(c.env)))
    return response ?? c.notFound()
  })
  .get('/sitemaps/:file{[0-9]{1,6}\\.xml}', async (c) => {
    const part = Number.parseInt(c.req.param('file'), 10)
    const spec = sitemapPart(createDb(c.env.DB), siteOf(c.env), part)
    const response = await serveCachedPage(c, spec)
    if (!response) throw notFound('sitemap page')
    return response
  })
