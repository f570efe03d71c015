import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import seed from '../../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { storeUpload } from '../../src/articles/write'
import { createDb } from '../../src/db/client'
import { storageSnapshot, upload } from '../helpers'

const bytes = new TextEncoder().encode(seed)
const textUpload = { format: 'text' as const, contentType: 'text/plain', bytes, meta: {} }

/** D1 whose batches get one more statement that fails, after all of the article's own. */
function failingLast(d1: D1Database): D1Database {
  return new Proxy(d1, {
    get(target, prop) {
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) =>
          target.batch([...statements, target.prepare('INSERT INTO no_such_table VALUES (1)')])
      }
      const value = Reflect.get(target, prop) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** D1 where another isolate's writer commits the same batch just before this one's first try. */
function racedOnce(d1: D1Database): D1Database {
  let raced = false
  return new Proxy(d1, {
    get(target, prop) {
      if (prop === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          if (!raced) {
            raced = true
            await target.batch(statements)
          }
          return target.batch(statements)
        }
      }
      const value = Reflect.get(target, prop) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

describe('one article is one atomic batch', () => {
  it('writes nothing when the last statement of the batch fails', async () => {
    const before = await storageSnapshot()
    await expect(storeUpload(createDb(failingLast(env.DB)), textUpload)).rejects.toThrow(
      /no such table/,
    )
    expect(await storageSnapshot()).toEqual(before)
  })

  it('makes one article and one revision from 50 simultaneous identical uploads', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => upload(seed)))
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 200)).toHaveLength(49)
    const counts = await storageSnapshot()
    expect(counts.articles).toBe(1)
    expect(counts.revisions).toBe(1)
    expect(counts.sources).toBe(1)
  })

  it('keeps every one of 50 simultaneous different edits as consecutive revisions', async () => {
    const edits = Array.from({ length: 50 }, (_, i) =>
      seed.replace('Pakistan on Thursday', `Pakistan on day ${i + 1}`),
    )
    const results = await Promise.all(edits.map((text) => upload(text)))
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200))
    const rows = await env.DB.prepare('SELECT number FROM revisions ORDER BY number').all<{
      number: number
    }>()
    expect(rows.results.map((r) => r.number)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1))
    const current = await env.DB.prepare('SELECT revision FROM articles').first<{
      revision: number
    }>()
    expect(current!.revision).toBe(51)
  }, 30_000)

  it('retries from a fresh read when a writer in another isolate wins the race', async () => {
    const text = seed.replace('PAKISTAN: Islamabad', 'PAKISTAN: Rawalpindi')
    const before = await storageSnapshot()
    const bytes = new TextEncoder().encode(text)
    const result = await storeUpload(createDb(racedOnce(env.DB)), { ...textUpload, bytes })
    expect(result).toEqual({
      status: 'unchanged',
      slug: 'pakistan-rawalpindi-wont-tolerate-us-boots-on-the-ground',
      revision: 1,
    })
    const after = await storageSnapshot()
    expect([after.articles, after.revisions, after.sources]).toEqual([
      before.articles! + 1,
      before.revisions! + 1,
      before.sources! + 1,
    ])
  })
})
