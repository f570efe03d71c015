import { Hono, type Context } from 'hono'
import {
  archiveCollection,
  findCollection,
  SITE,
  type Collection,
  type CollectionKind,
} from '../articles/collections'
import { archivePage, feedPage, listingJson, listingPage, PAGE_SIZE } from '../articles/listings'
import type { AppEnv } from '../env'
import { notFound } from '../errors'
import { serveCachedPage } from '../http/cached-page'
import { dbOf } from '../http/d1-session'
import { wantsJson } from '../http/negotiate'
import { json, operation, textOf, type Operation } from '../http/operation'
import { limitRender } from '../http/rate-limit'
import { listQuery, monthParam, nameParam, pageQuery, validate } from '../http/validation'
import { listing } from '../model/api'
import { siteOf } from '../settings'

const ARCHIVE = '/archive/:year/:month'
const monthOf = (c: Context) => `${c.req.param('year')}/${c.req.param('month')}`
const KINDS = [
  { kind: 'authors', one: 'author', title: 'Author' },
  { kind: 'tags', one: 'tag', title: 'Tag' },
] as const

/**
 * The author's or tag's collection a path names, or the 301 to the path of its slug (the route's
 * own pattern, so a feed's path stays a feed's and the query stays).
 */
async function collectionAt(c: Context<AppEnv>, kind: CollectionKind, segment: string) {
  const found = await findCollection(dbOf(c), kind, segment)
  if (!found || !('movedTo' in found)) return found
  const path = c.req.routePath.replace(':slug', encodeURIComponent(found.movedTo))
  // A day, not forever: an old slug can name a live author or tag again.
  c.header('Cache-Control', 'public, max-age=86400')
  return c.redirect(path + new URL(c.req.url).search, 301)
}

async function listingHtml(c: Context<AppEnv>, collection: Collection | null, cursor?: string) {
  const response =
    collection && (await serveCachedPage(c, listingPage(collection, siteOf(c.env), cursor)))
  if (!response) throw notFound('page')
  return response
}

async function listingJsonResponse(
  c: Context<AppEnv>,
  collection: Collection,
  limit: number,
  cursor?: string,
) {
  await limitRender(c)
  const listed = await listingJson(dbOf(c), collection, limit, cursor)
  if (!listed) throw notFound(collection.noun)
  return c.json(listed, 200, { Vary: 'Accept' })
}

async function feed(c: Context<AppEnv>, collection: Collection | null, format: 'xml' | 'json') {
  if (!collection) throw notFound('feed')
  const response = await serveCachedPage(c, feedPage(collection, siteOf(c.env), format))
  if (!response) throw notFound('feed')
  return response
}

function respondListing(c: Context<AppEnv>, collection: Collection | null, cursor?: string) {
  if (!wantsJson(c)) return listingHtml(c, collection, cursor)
  if (!collection) throw notFound('collection')
  return listingJsonResponse(c, collection, PAGE_SIZE, cursor)
}

/** Authors and tags: the slug in another form, or an old slug, answers with the slug's URL. */
const MOVED: Record<number, { description: string }> = {
  301: {
    description:
      'Another form of the slug (capitals, another Unicode form) or an old one: Location is the same route at the slug, percent-encoded, with the same query',
  },
}

const page = (id: string, summary: string, named = false): Operation => ({
  id,
  summary: `${summary} (JSON to Accept: application/json)`,
  tag: 'Pages',
  page: true,
  responses: {
    200: { description: 'The page', content: { ...textOf('text/html'), ...json(listing) } },
    ...(named && MOVED),
  },
  errors: [400, 404, 429, 503],
})

/** The site's feeds, or an author's or tag's (`named`: found by slug, so 404 and 301 too). */
const feeds = (id: string, of: string, named: boolean) =>
  [
    ['xml', 'Atom 1.0', 'application/atom+xml'],
    ['json', 'JSON Feed 1.1', 'application/feed+json'],
  ].map(([format, name, type]) =>
    operation({
      id: `${id}${format === 'xml' ? 'Atom' : 'JsonFeed'}`,
      summary: `${name} feed of ${of}`,
      tag: 'Site',
      responses: { 200: { description: name!, content: textOf(type!) }, ...(named && MOVED) },
      errors: named ? [400, 404, 429, 503] : [400, 429, 503],
    }),
  )

const [siteAtom, siteJsonFeed] = feeds('site', 'the site', false)

/** HTML listings and feeds; listing URLs answer JSON to `Accept: application/json`. */
export const listingPages = new Hono<AppEnv>()
  .get(
    '/',
    operation(page('frontPage', 'The latest articles')),
    validate('query', pageQuery),
    (c) => respondListing(c, SITE, c.req.valid('query').cursor),
  )
  .get('/feed.xml', siteAtom!, (c) => feed(c, SITE, 'xml'))
  .get('/feed.json', siteJsonFeed!, (c) => feed(c, SITE, 'json'))
  .get(
    '/archive',
    operation({
      id: 'archivePage',
      summary: 'Every month with a published article, by year',
      tag: 'Pages',
      page: true,
      responses: { 200: { description: 'The page', content: textOf('text/html') } },
      errors: [400, 429, 503],
    }),
    async (c) => (await serveCachedPage(c, archivePage(siteOf(c.env))))!,
  )
  .get(
    ARCHIVE,
    operation(page('monthPage', 'One month’s articles')),
    validate('param', monthParam),
    validate('query', pageQuery),
    async (c) => {
      const collection = archiveCollection(monthOf(c))
      return respondListing(c, collection, c.req.valid('query').cursor)
    },
  )

/** JSON listings of one author's, tag's or month's articles. */
export const listingsApi = new Hono<AppEnv>().get(
  ARCHIVE,
  operation({
    id: 'listMonth',
    summary: 'One month’s articles',
    tag: 'Reading',
    responses: { 200: { description: 'A page of summaries', content: json(listing) } },
    errors: [400, 404, 429, 503],
  }),
  validate('param', monthParam),
  validate('query', listQuery),
  async (c) => {
    const { limit, cursor } = c.req.valid('query')
    const collection = archiveCollection(monthOf(c))
    if (!collection) throw notFound('month')
    return listingJsonResponse(c, collection, limit, cursor)
  },
)

for (const { kind, one, title } of KINDS) {
  const [atom, jsonFeed] = feeds(one, `one ${one}’s articles`, true)
  listingPages
    .get(`/${kind}/:slug/feed.xml`, atom!, validate('param', nameParam), async (c) => {
      const found = await collectionAt(c, kind, c.req.valid('param').slug)
      return found instanceof Response ? found : feed(c, found, 'xml')
    })
    .get(`/${kind}/:slug/feed.json`, jsonFeed!, validate('param', nameParam), async (c) => {
      const found = await collectionAt(c, kind, c.req.valid('param').slug)
      return found instanceof Response ? found : feed(c, found, 'json')
    })
    .get(
      `/${kind}/:slug`,
      operation(page(`${one}Page`, `One ${one}’s articles`, true)),
      validate('param', nameParam),
      validate('query', pageQuery),
      async (c) => {
        const found = await collectionAt(c, kind, c.req.valid('param').slug)
        if (found instanceof Response) return found
        return respondListing(c, found, c.req.valid('query').cursor)
      },
    )
  listingsApi.get(
    `/${kind}/:slug`,
    operation({
      id: `list${title}`,
      summary: `One ${one}’s articles`,
      tag: 'Reading',
      responses: {
        200: { description: 'A page of summaries', content: json(listing) },
        ...MOVED,
      },
      errors: [400, 404, 429, 503],
    }),
    validate('param', nameParam),
    validate('query', listQuery),
    async (c) => {
      const { limit, cursor } = c.req.valid('query')
      const found = await collectionAt(c, kind, c.req.valid('param').slug)
      if (found instanceof Response) return found
      if (!found) throw notFound(one)
      return listingJsonResponse(c, found, limit, cursor)
    },
  )
}
