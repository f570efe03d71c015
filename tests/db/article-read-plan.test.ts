import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { articleReadStatement, type ArticleMatch } from '../../src/db/article-read'
import { createDb } from '../../src/db/client'

/** SQLite's plan for the statement that reads whole articles, one line per step. */
async function plan(match: ArticleMatch): Promise<string[]> {
  const { sql, params } = articleReadStatement(createDb(env.DB), match).toSQL()
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>()
  return results.map((row) => row.detail)
}

describe('reading a whole article', () => {
  // A step that walks a table, or every live article, costs time in proportion to the archive:
  // a first view at 100,000 articles took a second when the related-link join started that way.
  it.each<[string, ArticleMatch]>([
    ['by slug', { slug: 'some-article' }],
    ['by ids', { ids: ['a', 'b', 'c'] }],
  ])('finds every row %s through an index, never by walking a table', async (_, match) => {
    const steps = await plan(match)
    // The article, its source, and one lookup per list: authors, tags, blocks, related (with the
    // two key lookups of a linked headline), link targets (by page and by source URL) and notes.
    for (const table of ['articles', 'sources', 'aa', 'at', 'b', 'r', 'l', 'n', 'o']) {
      expect(steps.some((step) => step.startsWith(`SEARCH ${table} `))).toBe(true)
    }
    expect(steps).toContain('SEARCH o USING INDEX articles_slug_uq (slug=?)')
    expect(steps).toContain('SEARCH o USING INDEX articles_link_key_idx (link_key=?)')
    for (const step of steps) {
      expect(step).not.toMatch(/^SCAN /)
      expect(step).not.toContain('articles_listing_idx')
    }
  })
})
