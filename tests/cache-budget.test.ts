import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { encodeCursor } from '../src/db/cursor'
import { call, TOKEN } from './helpers'

// KV writes are a budget (1,000 a day on the free plan): only pages many readers ask for may
// spend it. Anonymous readers used to spend one per invented URL: a search, a forged cursor, an
// archive month of any year.

const kvKeys = async () => (await env.PAGES.list()).keys.map((k) => k.name)

describe('what anonymous reads may store in KV', () => {
  it('stores the pages readers share, and nothing for one-off searches, cursors or empty months', async () => {
    const stored = await call('/api/articles', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'ARCHIVE: A dispatch from the budget desk',
        body: ['Council spending rose again.'],
        publishedAt: '2011-09-22',
      }),
    })
    expect(stored.status).toBe(201)
    for (const path of [
      '/',
      '/archive/2011/09',
      '/feed.xml',
      '/articles/archive-a-dispatch-from-the-budget-desk',
    ]) {
      expect((await call(path)).status).toBe(200)
    }
    const shared = await kvKeys()
    expect(shared).toHaveLength(4)

    const oneOff = [
      ...Array.from({ length: 20 }, (_, i) => `/search?q=council+${i}`),
      ...Array.from(
        { length: 10 },
        (_, i) => `/?cursor=${encodeCursor({ sortKey: `2011-0${i}`, id: `x${i}` })}`,
      ),
      ...Array.from({ length: 10 }, (_, i) => `/archive/${1900 + i}/01`),
      '/archive/0000/01',
      '/archive/9999/12',
    ]
    const statuses = new Set<number>()
    for (const path of oneOff) statuses.add((await call(path)).status)
    expect([...statuses].sort()).toEqual([200, 404])
    expect(await kvKeys()).toEqual(shared)
  })
})
