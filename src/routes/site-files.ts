import { Hono } from 'hono'
import { sitemapPage, sitemapPart } from '../articles/listings'
import type { AppEnv } from '../env'
import { notFound } from '../errors'
import { serveCachedPage } from '../http/cached-page'
import { operation, textOf } from '../http/operation'
import { sitemapFileParam, validate } from '../http/validation'
import { siteOf } from '../settings'
import { renderRobotsTxt } from '../views/feeds'
import { ICON_SVG } from '../views/layout'

/**
 * /sitemap.xml (an index of /sitemaps/<n>.xml pages past 50,000 articles) and /robots.txt, which
 * points crawlers at it. /favicon.ico is the pages' own icon, for what asks for it by that name
 * (feed readers, bookmarks, browsers on other documents such as the feeds).
 */
export const siteFiles = new Hono<AppEnv>()
  .get(
    '/favicon.ico',
    operation({
      id: 'favicon',
      summary: 'The site icon (SVG)',
      tag: 'Site',
      responses: {
        200: { description: 'The icon the pages embed', content: textOf('image/svg+xml') },
      },
    }),
    (c) =>
      c.body(ICON_SVG, 200, {
        'Content-Type': 'image/svg+xml',
        'Cache-Control': 'public, max-age=86400',
      }),
  )
  .get(
    '/robots.txt',
    operation({
      id: 'robots',
      summary: 'Crawler rules, naming the sitemap',
      tag: 'Site',
      responses: { 200: { description: 'robots.txt', content: textOf('text/plain') } },
    }),
    (c) => c.text(renderRobotsTxt(siteOf(c.env))),
  )
  .get(
    '/sitemap.xml',
    operation({
      id: 'sitemap',
      summary: 'The sitemap (an index of sitemap pages past 50,000 articles)',
      tag: 'Site',
      responses: { 200: { description: 'sitemaps.org 0.9', content: textOf('application/xml') } },
      errors: [400, 429, 503],
    }),
    async (c) => {
      const response = await serveCachedPage(c, sitemapPage(siteOf(c.env)))
      return response ?? c.notFound()
    },
  )
  .get(
    '/sitemaps/:file',
    operation({
      id: 'sitemapPart',
      summary: 'One page of a split sitemap (1.xml, 2.xml, …)',
      tag: 'Site',
      responses: { 200: { description: 'sitemaps.org 0.9', content: textOf('application/xml') } },
      errors: [400, 404, 429, 503],
    }),
    validate('param', sitemapFileParam),
    async (c) => {
      const part = Number.parseInt(c.req.valid('param').file, 10)
      const response = await serveCachedPage(c, sitemapPart(siteOf(c.env), part))
      if (!response) throw notFound('sitemap page')
      return response
    },
  )
