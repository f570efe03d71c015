import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { storeGroup } from '../../src/articles/write-group'
import { createDb } from '../../src/db/client'
import type { Upload } from '../../src/model/upload'
import { call, get, upload, writesSomething } from '../helpers'

// Many uploads stored together (bulk requests, import jobs): new articles in one batch, the rest
// one at a time, a failing group one article at a time.

const encoder = new TextEncoder()
const jsonUpload = (article: Record<string, unknown>): Upload => ({
  format: 'json',
  contentType: 'application/json',
  bytes: encoder.encode(JSON.stringify(article)),
  meta: {},
})

/** D1 that counts write batches, and fails any batch whose statements bind `poison`. */
function watched(d1: D1Database, poison?: string) {
  const counts = { batches: 0 }
  const db = new Proxy(d1, {
    get(target, prop) {
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          if (!writesSomething(statements)) return target.batch(statements)
          counts.batches++
          const bound = JSON.stringify(
            statements.map((s) => (s as unknown as { values?: unknown }).values ?? s),
          )
          if (poison && bound.includes(poison)) {
            return Promise.reject(new Error('D1_ERROR: CHECK constraint failed: poisoned'))
          }
          return target.batch(statements)
        }
      }
      const value = Reflect.get(target, prop) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { storage: { db: createDb(db), originals: env.ORIGINALS }, counts }
}

describe('storeGroup', () => {
  it('stores 25 new articles in one batch, each with its own slug, and answers in order', async () => {
    const { storage, counts } = watched(env.DB)
    const uploads = Array.from({ length: 25 }, (_, i) =>
      jsonUpload({
        title: `GROUP: Story number ${i + 1}`,
        body: [`Paragraph ${i + 1}.`],
        authors: ['Ana Ruiz'],
        tags: ['Harbor'],
      }),
    )
    const outcomes = await storeGroup(storage, uploads)
    expect(counts.batches).toBe(1)
    expect(outcomes.map((o) => ('slug' in o ? [o.status, o.slug, o.revision] : o))).toEqual(
      Array.from({ length: 25 }, (_, i) => ['created', `group-story-number-${i + 1}`, 1]),
    )
    const stored = (await (await get('/api/articles/group-story-number-7')).json()) as {
      body: { text: string }[]
      authors: { name: string }[]
      tags: { name: string }[]
    }
    expect(stored.body).toEqual([{ type: 'paragraph', text: 'Paragraph 7.' }])
    expect(stored.authors.map((a) => a.name)).toEqual(['Ana Ruiz'])
    expect(stored.tags.map((t) => t.name)).toEqual(['GROUP', 'Harbor'])
    expect((await get('/tags/harbor')).status).toBe(200)
  })

  it('answers an unchanged upload without writing, and stores a changed one as its next revision', async () => {
    const { storage } = watched(env.DB)
    const same = jsonUpload({
      title: 'GROUP: Story number 1',
      body: ['Paragraph 1.'],
      authors: ['Ana Ruiz'],
      tags: ['Harbor'],
    })
    const changed = jsonUpload({ title: 'GROUP: Story number 2', body: ['Paragraph two, edited.'] })
    const outcomes = await storeGroup(storage, [same, changed])
    expect(outcomes.map((o) => ('slug' in o ? [o.status, o.slug, o.revision] : o))).toEqual([
      ['unchanged', 'group-story-number-1', 1],
      ['updated', 'group-story-number-2', 2],
    ])
  })

  it('gives two new articles wanting one slug two slugs, and one identity twice two revisions', async () => {
    const { storage } = watched(env.DB)
    const title = 'GROUP: One headline, two papers'
    const outcomes = await storeGroup(storage, [
      jsonUpload({ title, body: ['First paper.'], sourceUrl: 'https://one.example/a' }),
      jsonUpload({ title, body: ['Second paper.'], sourceUrl: 'https://two.example/a' }),
      jsonUpload({ title: 'GROUP: Twice in one group', body: ['Draft.'] }),
      jsonUpload({ title: 'GROUP: Twice in one group', body: ['Final.'] }),
    ])
    expect(outcomes.map((o) => ('slug' in o ? [o.status, o.slug, o.revision] : o))).toEqual([
      ['created', 'group-one-headline-two-papers', 1],
      ['created', 'group-one-headline-two-papers-2', 1],
      ['created', 'group-twice-in-one-group', 1],
      ['updated', 'group-twice-in-one-group', 2],
    ])
  })

  it('stores a failing group one article at a time: only the bad article fails', async () => {
    const { storage, counts } = watched(env.DB, 'POISONED')
    const outcomes = await storeGroup(storage, [
      jsonUpload({ title: 'GROUP: Healthy neighbour one', body: ['Fine.'] }),
      jsonUpload({ title: 'GROUP: POISONED story', body: ['Bad.'] }),
      jsonUpload({ title: 'GROUP: Healthy neighbour two', body: ['Fine.'] }),
    ])
    expect(outcomes.map((o) => ('slug' in o ? o.status : o.failed.code))).toEqual([
      'created',
      'store_failed',
      'created',
    ])
    // One group batch, then one batch each.
    expect(counts.batches).toBe(4)
    expect((await get('/api/articles/group-poisoned-story')).status).toBe(404)
  })

  it('refuses what is not an article as that item alone', async () => {
    const { storage } = watched(env.DB)
    const outcomes = await storeGroup(storage, [
      jsonUpload({ title: '', body: ['No title.'] }),
      jsonUpload({ title: 'GROUP: Standing alone', body: ['Fine.'] }),
    ])
    expect(outcomes[0]).toEqual({
      failed: { code: 'missing_title', message: 'the article has no title' },
    })
    expect(outcomes[1]).toMatchObject({ status: 'created', slug: 'group-standing-alone' })
  })

  it('retires the cached pages of stored articles whose related headlines name a new one', async () => {
    const linking = await upload(
      JSON.stringify({
        title: 'GROUP: An older dispatch',
        body: ['Text.'],
        related: ['Harbor dredging begins at dawn'],
      }),
      { type: 'application/json' },
    )
    expect(linking.status).toBe(201)
    const page = '/articles/group-an-older-dispatch'
    expect((await call(page)).body).toContain('<li>Harbor dredging begins at dawn</li>')
    const { storage } = watched(env.DB)
    await storeGroup(storage, [
      jsonUpload({ title: 'Harbor dredging begins at dawn', body: ['Boats.'] }),
    ])
    expect((await call(page)).body).toContain(
      '<a href="/articles/harbor-dredging-begins-at-dawn">Harbor dredging begins at dawn</a>',
    )
  })
})
