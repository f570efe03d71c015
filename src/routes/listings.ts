import { Hono, type Context } from 'hono'
import { findCollection, SITE, type Collection, type CollectionKind } from '../articles/collections'
import { feedPage, listingJson, listingPage, PAGE_SIZE } from '../articles/listings'
import { createDb } from '../db/client'
import type { AppEnv } from '../env'
import { notFound } from '../errors'
import { serveCachedPage } from '../http/cached-page'
import { wantsJson } from '../http/negotiate'
import { listQuery, pageQuery, validate } from '../http/validation'
import { siteOf } from '../settings'
import { renderErrorPage } from '../views/error-page'

const KIND = ':kind{authors|tags}'
const ARCHIVE = '/archive/:year{[0-9]{4}}/:month{[0-9]{2}}'
const kindOf = (c: Context) => c.req.param('kind') as 'authors' | 'tags'
const monthOf = (c: Context) => `${c.req.param('year')}/${c.req.param('month')}`

const collectionAt = (c: Context<AppEnv>, kind: CollectionKind, key: string) =>
  findCollection(createDb(c.env.DB), kind, key)

async function listingHtml(c: Context<AppEnv>, collection: Collection | null, cursor?: string) {
  const site = siteOf(c.env)
  const response =
    collection &&
    (await serveCachedPage(c, listingPage(createDb(c.env.DB), collection, site, cursor)))
  return response ?? c.html(renderErrorPage(404, 'Nothing here.', site), 404)
}

async function listingJsonResponse(
  c: Context<AppEnv>,
  collection: Collection,
  limit: number,
  cursor?: string,
) {
  const listing = await listingJson(createDb(c.env.DB), collection, limit, cursor)
  return c.json(listing, 200, { Vary: 'Accept' })
}

async function feed(c: Context<AppEnv>, collection: Collection | null, format: 'xml' | 'json') {
  if (!collection) throw notFound('feed')
  const spec = feedPage(createDb(c.env.DB), collection, siteOf(c.env), format)
  return (await serveCachedPage(c, spec)) ?? c.notFound()
}

function respondListing(c: Context<AppEnv>, collection: Collection | null, cursor?: string) {
  if (!wantsJson(c)) return listingHtml(c, collection, cursor)
  if (!collection) throw notFound('collection')
  return listingJsonResponse(c, collection, PAGE_SIZE, cursor)
}

/** HTML listings and feeds; listing URLs answer JSON to `Accept: application/json`. */
export const listingPages = new Hono<AppEnv>()
  .get('/', validate('query', pageQuery), (c) =>
    respondListing(c, SITE, c.req.valid('query').cursor),
  )
  .get('/feed.xml', (c) => feed(c, SITE, 'xml'))
  .get('/feed.json', (c) => feed(c, SITE, 'json'))
  .get(`/${KIND}/:slug/feed.xml`, async (c) =>
    feed(c, await collectionAt(c, kindOf(c), c.req.param('slug')), 'xml'),
  )
  .get(`/${KIND}/:slug/feed.json`, async (c) =>
    feed(c, await collectionAt(c, kindOf(c), c.req.param('slug')), 'json'),
  )
  .get(`/${KIND}/:slug`, validate('query', pageQuery), async (c) => {
    const collection = await collectionAt(c, kindOf(c), c.req.param('slug'))
    return respondListing(c, collection, c.req.valid('query').cursor)
  })
  .get(ARCHIVE, validate('query', pageQuery), async (c) => {
    const collection = await collectionAt(c, 'archive', monthOf(c))
    return respondListing(c, collection, c.req.valid('query').cursor)
  })

/** JSON listings of one author's, tag's or month's articles. */
export const listingsApi = new Hono<AppEnv>()
  .get(`/${KIND}/:slug`, validate('query', listQuery), async (c) => {
    const { limit, cursor } = c.req.valid('query')
    const collection = await collectionAt(c, kindOf(c), c.req.param('slug'))
    if (!collection) throw notFound(kindOf(c) === 'authors' ? 'author' : 'tag')
    return listingJsonResponse(c, collection, limit, cursor)
  })
  .get(ARCHIVE, validate('query', listQuery), async (c) => {
    const { limit, cursor } = c.req.valid('query')
    const collection = await collectionAt(c, 'archive', monthOf(c))
    if (!collection) throw notFound('month')
    return listingJsonResponse(c, collection, limit, cursor)
  })
