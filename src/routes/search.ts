import { Hono } from 'hono'
import { search, searchPage as searchPageSpec } from '../articles/search'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { serveCachedPage } from '../http/cached-page'
import { dbOf } from '../http/d1-session'
import { json, operation, textOf } from '../http/operation'
import { limitRenders } from '../http/rate-limit'
import { searchQuery, validate } from '../http/validation'
import { searchResults } from '../model/api'
import { siteOf } from '../settings'
import { renderSearchPage } from '../views/search-page'

/** Full-text search: JSON under /api/search, an HTML page at /search. */
export const searchApi = new Hono<AppEnv>().get(
  '/',
  operation({
    id: 'search',
    summary: 'Full-text search, best match first',
    description:
      'Words are matched with their stems (“talks” finds “talk”), all of them; "quoted words" match as a phrase; `a OR b` takes either; `-word` or `-"a phrase"` leaves out what has it. Anything else (other punctuation, a lowercase or) is text. A query of exclusions alone finds nothing. Chinese, Japanese and Korean text is searched by its characters: a run of them (`終電`, `山手線の終電`) matches where those characters stand together, a single one wherever it is.',
    tag: 'Reading',
    responses: { 200: { description: 'A page of results', content: json(searchResults) } },
    errors: [400, 429, 503],
  }),
  validate('query', searchQuery),
  limitRenders,
  async (c) => {
    const { q, limit, cursor } = c.req.valid('query')
    if (!q?.trim()) throw new AppError(400, 'invalid_query', 'q: say what to search for.')
    return c.json({ query: q, ...(await search(dbOf(c), q, limit, cursor)) })
  },
)

export const searchPage = new Hono<AppEnv>().get(
  '/',
  operation({
    id: 'searchPage',
    summary: 'The search page',
    tag: 'Pages',
    page: true,
    responses: { 200: { description: 'The form and its results', content: textOf('text/html') } },
    errors: [400, 429, 503],
  }),
  validate('query', searchQuery),
  async (c) => {
    const { q = '', cursor } = c.req.valid('query')
    const query = q.trim()
    const site = siteOf(c.env)
    if (!query) return c.html(renderSearchPage(site, { query, results: null, nextCursor: null }))
    const spec = searchPageSpec(site, query, cursor)
    return (await serveCachedPage(c, spec)) ?? c.notFound()
  },
)
