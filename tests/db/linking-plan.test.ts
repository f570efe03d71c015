import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { linkingStatements } from '../../src/db/article-state'
import { createDb } from '../../src/db/client'

/** SQLite's plan for the read of the articles that name others by `keys`, one line per step. */
async function plan(keys: string[]): Promise<string[]> {
  const [statement] = linkingStatements(createDb(env.DB), keys, 'except') as never as {
    toSQL(): { sql: string; params: unknown[] }
  }[]
  const { sql, params } = statement!.toSQL()
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>()
  return results.map((row) => row.detail)
}

describe('reading the articles that name an article', () => {
  // Every upload and every import group runs this read. Started from the live articles, it costs
  // time in proportion to the archive; started from the keys, in proportion to what they match.
  it.each<[string, string[]]>([
    ['by related headline', ['a-title', 'a-headline']],
    ['by link', ['/articles/a-slug', 'example.com/a']],
    ['by both', ['a-title', '/articles/a-slug']],
  ])('looks the keys up first (%s), never walking the live articles', async (_, keys) => {
    const steps = await plan(keys)
    if (keys.some((key) => !key.startsWith('/'))) {
      expect(steps).toContain('SEARCH related USING INDEX related_title_key_idx (title_key=?)')
    }
    if (keys.some((key) => key.startsWith('/'))) {
      expect(steps).toContain('SEARCH links USING INDEX links_url_key_idx (url_key=?)')
    }
    expect(steps.filter((step) => step.startsWith('SEARCH articles '))).toEqual(
      steps
        .filter((step) => step.startsWith('SEARCH articles '))
        .map(() => 'SEARCH articles USING INDEX sqlite_autoindex_articles_1 (id=?)'),
    )
    for (const step of steps) {
      expect(step).not.toMatch(/^SCAN /)
      expect(step).not.toContain('articles_listing_idx')
    }
  })
})
