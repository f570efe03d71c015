import type { PageSpec } from '../cache/pages'
import { INDEX_SCOPE } from '../cache/scopes'
import type { Db } from '../db/client'
import { encodeSearchCursor } from '../db/cursor'
import { MARK_END, MARK_START, toSearchQuery } from '../db/fts-query'
import { searchArticles, type SearchHit } from '../db/search-read'
import type { SearchResult } from '../model/api'
import type { Site } from '../model/site'
import { renderSearchPage } from '../views/search-page'
import { parseSearchCursor } from './cursors'

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

/** A page of results for what a reader typed; `cursor` is checked before anything is read. */
export async function search(db: Db, q: string, limit: number, cursor: string | undefined) {
  const after = parseSearchCursor(cursor)
  const query = toSearchQuery(q)
  if (!query) return { items: [] as SearchResult[], nextCursor: null }
  const page = await searchArticles(db, { query, limit, cursor: after })
  const items = page.items.map(({ rank: _rank, ...hit }: SearchHit) => ({
    ...hit,
    ...splitMarks(hit.snippet),
  }))
  return { items, nextCursor: page.next && encodeSearchCursor(page.next) }
}

/** The search page for a non-empty query. */
export function searchPage(site: Site, query: string, cursor: string | undefined): PageSpec {
  parseSearchCursor(cursor)
  return {
    scope: INDEX_SCOPE,
    variant: `search:${JSON.stringify([query, cursor ?? ''])}`,
    shared: false,
    render: async (db) => {
      const { items, nextCursor } = await search(db, query, 10, cursor)
      return renderSearchPage(site, { query, results: items, nextCursor })
    },
  }
}
