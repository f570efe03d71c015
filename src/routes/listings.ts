import { Hono, type Context } from 'hono'
import { getArticlesByIds } from '../db/article-read'
import { createDb } from '../db/client'
import { decodeCursor, encodeCursor, type ListCursor } from '../db/cursor'
import { listArticles } from '../db/listing-read'
import type { AppEnv } from '../env'
import { AppError, notFound } from '../http/errors'
import { renderErrorPage } from '../views/error-page'
import { renderAtomFeed, renderJsonFeed } from '../views/feeds'
import { renderIndexPage } from '../views/index-page'
import { serveCachedPage } from './cached-page'
import { feedPath, findCollection, SITE, type Collection } from './collections'
import { wantsJson } from './negotiate'
import { siteOf } from './site'
import { listQuery, pageQuery, validate } from './validation'

const PAGE_SIZE = 20
const FEED_SIZE = 20
/** Feeds with no entries still need an `updated` date; a fixed one keeps them cacheable. */
const EMPTY_FEED_UPDATED = '2000-01-01T00:00:00.000Z'

function parseCursor(cursor: string | undefined): ListCursor | null {
  if (cursor === undefined) return null
  const decoded = decodeCursor(cursor)
  if (!decoded) throw new AppError(400, 'invalid_cursor', 'cursor: not a cursor from this site')
  return decoded
}

const page = (c: Context<AppEnv>, collection: Collection, limit: number, cursor?: string) =>
  listArticles(createDb(c.env.DB), {
    limit,
    cursor: parseCursor(cursor),
    filter: collection.filter,
  })

async function listingJson(
  c: Context<AppEnv>,
  collection: Collection,
  limit: number,
  cursor?: string,
) {
  const { items, next } = await page(c, collection, limit, cursor)
  return c.json({ ...collection.subject, items, nextCursor: next && encodeCursor(next) }, 200, {
    Vary: 'Accept',
  })
}

async function listingHtml(c: Context<AppEnv>, collection: Collection | null, cursor?: string) {
  parseCursor(cursor)
  const response =
    collection &&
    (await serveCachedPage(c, {
      scope: collection.scope,
      variant: `html:${cursor ?? ''}`,
      render: async () => {
        const { items, next } = await page(c, collection, PAGE_SIZE, cursor)
        return renderIndexPage(items, next && encodeCursor(next), siteOf(c), {
          heading: collection.heading,
          basePath: collection.basePath,
          cursor,
        })
      },
    }))
  return response ?? c.html(renderErrorPage(404, 'Nothing here.', siteOf(c)), 404)
}

async function feed(c: Context<AppEnv>, collection: Collection | null, format: 'xml' | 'json') {
  if (!collection) throw notFound('feed')
  const response = await serveCachedPage(c, {
    scope: collection.scope,
    variant: `feed.${format}`,
    contentType:
      format === 'xml'
        ? 'application/atom+xml; charset=utf-8'
        : 'application/feed+json; charset=utf-8',
    render: async () => {
      const site = siteOf(c)
      const { items } = await page(c, collection, FEED_SIZE)
      const entries = await getArticlesByIds(
        createDb(c.env.DB),
        items.map((i) => i.id),
      )
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
  })
  return response ?? c.notFound()
}

const KIND = ':kind{authors|tags}'
const ARCHIVE = '/archive/:year{[0-9]{4}}/:month{[0-9]{2}}'
const kindOf = (c: Context) => c.req.param('kind') as 'authors' | 'tags'
const monthOf = (c: Context) => `${c.req.param('year')}/${c.req.param('month')}`

/** HTML listings and feeds; listing URLs answer JSON to `Accept: application/json`. */
export const listingPages = new Hono<AppEnv>()
  .get('/', validate('query', pageQuery), async (c) => {
    const { cursor } = c.req.valid('query')
    return wantsJson(c) ? listingJson(c, SITE, PAGE_SIZE, cursor) : listingHtml(c, SITE, cursor)
  })
  .get('/feed.xml', (c) => feed(c, SITE, 'xml'))
  .get('/feed.json', (c) => feed(c, SITE, 'json'))
  .get(`/${KIND}/:slug/feed.xml`, async (c) =>
    feed(c, await findCollection(c, kindOf(c), c.req.param('slug')), 'xml'),
  )
  .get(`/${KIND}/:slug/feed.json`, async (c) =>
    feed(c, await findCollection(c, kindOf(c), c.req.param('slug')), 'json'),
  )
  .get(`/${KIND}/:slug`, validate('query', pageQuery), async (c) => {
    const collection = await findCollection(c, kindOf(c), c.req.param('slug'))
    return respondListing(c, collection, c.req.valid('query').cursor)
  })
  .get(ARCHIVE, validate('query', pageQuery), async (c) => {
    const collection = await findCollection(c, 'archive', monthOf(c))
    return respondListing(c, collection, c.req.valid('query').cursor)
  })

function respondListing(c: Context<AppEnv>, collection: Collection | null, cursor?: string) {
  if (!wantsJson(c)) return listingHtml(c, collection, cursor)
  if (!collection) throw notFound('collection')
  return listingJson(c, collection, PAGE_SIZE, cursor)
}

/** JSON listings of one author's, tag's or month's articles. */
export const listingsApi = new Hono<AppEnv>()
  .get(`/${KIND}/:slug`, validate('query', listQuery), async (c) => {
    const { limit, cursor } = c.req.valid('query')
    const collection = await findCollection(c, kindOf(c), c.req.param('slug'))
    if (!collection) throw notFound(kindOf(c) === 'authors' ? 'author' : 'tag')
    return listingJson(c, collection, limit, cursor)
  })
  .get(ARCHIVE, validate('query', listQuery), async (c) => {
    const { limit, cursor } = c.req.valid('query')
    const collection = await findCollection(c, 'archive', monthOf(c))
    if (!collection) throw notFound('month')
    return listingJson(c, collection, limit, cursor)
  })
