import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { articleReadStatements, type ArticleMatch } from '../../src/db/article-read'
import { createDb } from '../../src/db/client'

/** SQLite's plan for each statement that reads a whole article, one line per step. */
async function plans(match: ArticleMatch): Promise<string[][]> {
  const db = createDb(env.DB)
  return Promise.all(
    articleReadStatements(db, match).map(async (statement) => {
      const { sql, params } = statement.toSQL()
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .bind(...params)
        .all<{ detail: string }>()
      return results.map((row) => row.detail)
    }),
  )
}

describe('reading a whole article', () => {
  // A step that walks a table, or every live article, costs time in proportion to the archive:
  // a first view at 100,000 articles took a second when the related-link join started that way.
  it.each<[string, ArticleMatch]>([
    ['by slug', { slug: 'some-article' }],
    ['by ids', { ids: ['a', 'b', 'c'] }],
  ])('finds every row %s through an index, never by walking a table', async (_, match) => {
    const all = await plans(match)
    expect(all).toHaveLength(7)
    for (const steps of all) {
      expect(steps.length).toBeGreaterThan(0)
      for (const step of steps) {
        expect(step).not.toMatch(/^SCAN /)
        expect(step).not.toContain('articles_listing_idx')
      }
    }
  })
})
