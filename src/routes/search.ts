import { Hono, type Context } from 'hono'
import { INDEX_SCOPE } from '../cache/scopes'
import { createDb } from '../db/client'
import { decodeSearchCursor, encodeSearchCursor } from '../db/cursor'
import { MARK_END, MARK_START, toFtsQuery } from '../db/fts-query'
import { searchArticles, type SearchHit } from '../db/search-read'
import type { AppEnv } from '../env'
import { AppError } from '../http/errors'
import { renderSearchPage, type SearchResult } from '../views/search-page'
import { serveCachedPage } from './cached-page'
import { siteOf } from './site'
import { searchQuery, validate } from './validation'

/** FTS5's snippet with private markers → plain text plus the marked ranges. */
export function splitMarks(snippet: string): Pick<SearchResult, 'snippet' | 'marks'> {
  let text = ''
  const marks: [number, number][] = []
  let start = -1
  for (const ch of snippet) {
    if (ch === MARK_START) start = text.length
    else if (ch === MARK_END && start >= 0) {
      marks.push([start, text.length])
      start = -1
    } else text += ch
  }
  return { snippet: text, marks }
}

async function run(c: Context<AppEnv>, q: string, limit: number, cursor: string | undefined) {
  const after = cursor === undefined ? null : decodeSearchCursor(cursor)
  if (cursor !== undefined && !after) {
    throw new AppError(400, 'invalid_cursor', 'cursor: not a cursor from this search')
  }
  const query = toFtsQuery(q)
  if (!query) return { items: [] as SearchResult[], nextCursor: null }
  const page = await searchArticles(createDb(c.env.DB), { query, limit, cursor: after })
  const items = page.items.map(({ rank: _rank, ...hit }: SearchHit) => ({
    ...hit,
    ...splitMarks(hit.snippet),
  }))
  return { items, nextCursor: page.next && encodeSearchCursor(page.next) }
}

/** Full-text search: JSON under /api/search, an HTML page at /search. */
export const searchApi = new Hono<AppEnv>().get('/', validate('query', searchQuery), async (c) => {
  const { q, limit, cursor } = c.req.valid('query')
  if (!q?.trim()) throw new AppError(400, 'invalid_query', 'q: say what to search for.')
  return c.json({ query: q, ...(await run(c, q, limit, cursor)) })
})

export const searchPage = new Hono<AppEnv>().get('/', validate('query', searchQuery), async (c) => {
  const { q = '', cursor } = c.req.valid('query')
  const query = q.trim()
  if (!query) return c.html(renderSearchPage(siteOf(c), { query, results: null, nextCursor: null }))
  const response = await serveCachedPage(c, {
    scope: INDEX_SCOPE,
    variant: `search:${JSON.stringify([query, cursor ?? ''])}`,
    render: async () => {
      const { items, nextCursor } = await run(c, query, 10, cursor)
      return renderSearchPage(siteOf(c), { query, results: items, nextCursor })
    },
  })
  return response ?? c.notFound()
})
