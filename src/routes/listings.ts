import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { authorScope, INDEX_SCOPE, tagScope } from '../cache/scopes'
import { createDb } from '../db/client'
import { getAuthor, getTag, listArticles, type ListFilter } from '../db/article-read'
import { decodeCursor, encodeCursor, type ListCursor } from '../db/cursor'
import type { AppEnv } from '../env'
import { AppError, notFound } from '../http/errors'
import { renderErrorPage } from '../views/error-page'
import { renderIndexPage } from '../views/index-page'
import { serveCachedPage } from './cached-page'
import { wantsJson } from './negotiate'
import { siteOf } from './site'
import { listQuery, slugParam, validate } from './validation'

const PAGE_SIZE = 20

/** A listing page: the front page, or one author's or tag's articles. */
interface Collection {
  scope: string
  basePath: string
  heading?: string
  filter: ListFilter
  /** The author or tag, for JSON answers. */
  subject?: { kind: 'author' | 'tag'; name: string; slug: string }
}

const FRONT: Collection = { scope: INDEX_SCOPE, basePath: '/', filter: null }

async function findCollection(
  c: Context<AppEnv>,
  kind: 'author' | 'tag',
  slug: string,
): Promise<Collection | null> {
  const db = createDb(c.env.DB)
  const found = kind === 'author' ? await getAuthor(db, slug) : await getTag(db, slug)
  if (!found) return null
  return {
    scope: kind === 'author' ? authorScope(slug) : tagScope(slug),
    basePath: `/${kind}s/${slug}`,
    heading: found.name,
    filter: kind === 'author' ? { author: slug } : { tag: slug },
    subject: { kind, ...found },
  }
}

function parseCursor(cursor: string | undefined): ListCursor | null {
  if (cursor === undefined) return null
  const decoded = decodeCursor(cursor)
  if (!decoded) throw new AppError(400, 'invalid_cursor', 'cursor: not a cursor from this site')
  return decoded
}

async function listingJson(
  c: Context<AppEnv>,
  collection: Collection,
  limit: number,
  cursor?: string,
) {
  const page = await listArticles(createDb(c.env.DB), {
    limit,
    cursor: parseCursor(cursor),
    filter: collection.filter,
  })
  const subject = collection.subject && {
    [collection.subject.kind]: { name: collection.subject.name, slug: collection.subject.slug },
  }
  return c.json(
    { ...subject, items: page.items, nextCursor: page.next && encodeCursor(page.next) },
    200,
    { Vary: 'Accept' },
  )
}

async function listingHtml(c: Context<AppEnv>, collection: Collection | null, cursor?: string) {
  const after = parseCursor(cursor)
  const response =
    collection &&
    (await serveCachedPage(c, collection.scope, `html:${cursor ?? ''}`, async () => {
      const page = await listArticles(createDb(c.env.DB), {
        limit: PAGE_SIZE,
        cursor: after,
        filter: collection.filter,
      })
      return renderIndexPage(page.items, page.next && encodeCursor(page.next), siteOf(c), {
        heading: collection.heading,
        basePath: collection.basePath,
        cursor,
      })
    }))
  return response ?? c.html(renderErrorPage(404, 'Nothing here.', siteOf(c)), 404)
}

const pageQuery = z.object({ cursor: z.string().max(512).optional() })

/** HTML listings, with the same URL answering JSON to `Accept: application/json`. */
export const listingPages = new Hono<AppEnv>()
  .get('/', validate('query', pageQuery), async (c) => {
    const { cursor } = c.req.valid('query')
    return wantsJson(c) ? listingJson(c, FRONT, PAGE_SIZE, cursor) : listingHtml(c, FRONT, cursor)
  })
  .get('/:kind{authors|tags}/:slug', validate('query', pageQuery), async (c) => {
    const { cursor } = c.req.valid('query')
    const kind = c.req.param('kind') === 'authors' ? 'author' : 'tag'
    const slug = c.req.param('slug')
    const collection = slugParam.safeParse({ slug }).success
      ? await findCollection(c, kind, slug)
      : null
    if (wantsJson(c)) {
      if (!collection) throw notFound(kind)
      return listingJson(c, collection, PAGE_SIZE, cursor)
    }
    return listingHtml(c, collection, cursor)
  })

/** JSON listings of one author's or tag's articles. */
export const listingsApi = new Hono<AppEnv>().get(
  '/:kind{authors|tags}/:slug',
  validate('param', slugParam.extend({ kind: z.enum(['authors', 'tags']) })),
  validate('query', listQuery),
  async (c) => {
    const { kind, slug } = c.req.valid('param')
    const { limit, cursor } = c.req.valid('query')
    const singular = kind === 'authors' ? 'author' : 'tag'
    const collection = await findCollection(c, singular, slug)
    if (!collection) throw notFound(singular)
    return listingJson(c, collection, limit, cursor)
  },
)
