import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import seed from '../../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { deleteArticle, storeUpload } from '../../src/articles/write'
import { deleteStatements } from '../../src/db/article-statements'
import { runBatch } from '../../src/db/batch'
import { createDb } from '../../src/db/client'
import { sha256Hex } from '../../src/lib/hash'
import { auth, call, storageSnapshot, upload, writesSomething } from '../helpers'

const bytes = new TextEncoder().encode(seed)

/** The write service's storage, with D1 as given (a proxy that fails or races). */
const storageOn = (d1: D1Database) => ({ db: createDb(d1), originals: env.ORIGINALS })
const textUpload = { format: 'text' as const, contentType: 'text/plain', bytes, meta: {} }

/** D1 whose batches get one more statement that fails, after all of the article's own. */
function failingLast(d1: D1Database): D1Database {
  return new Proxy(d1, {
    get(target, prop) {
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) =>
          writesSomething(statements)
            ? target.batch([...statements, target.prepare('INSERT INTO no_such_table VALUES (1)')])
            : target.batch(statements)
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
          if (!raced && writesSomething(statements)) {
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
  it('writes nothing to D1 when the last statement of the batch fails', async () => {
    const before = await storageSnapshot()
    await expect(storeUpload(storageOn(failingLast(env.DB)), textUpload)).rejects.toThrow(
      /no such table/,
    )
    // The original went to R2 first, under its hash: referenced by nothing, harmless, and what
    // the next upload of these bytes finds instead of storing them again (tests/originals.test.ts).
    expect(await storageSnapshot()).toEqual({ ...before, r2Objects: before.r2Objects! + 1 })
    const hash = await sha256Hex(bytes)
    expect((await env.ORIGINALS.list()).objects.map((o) => o.key)).toEqual([
      `originals/sha256/${hash}`,
    ])
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
    const result = await storeUpload(storageOn(racedOnce(env.DB)), { ...textUpload, bytes })
    expect(result).toEqual({
      status: 'unchanged',
      slug: 'pakistan-rawalpindi-wont-tolerate-us-boots-on-the-ground',
      revision: 1,
      articleId: expect.stringMatching(/^[0-9a-z]{25}$/),
    })
    const after = await storageSnapshot()
    expect([after.articles, after.revisions, after.sources]).toEqual([
      before.articles! + 1,
      before.revisions! + 1,
      before.sources! + 1,
    ])
  })
})

/** D1 that runs `first` (another writer, in another isolate) just before this one's first batch. */
function overtakenBy(d1: D1Database, first: () => Promise<unknown>): D1Database {
  let overtaken = false
  return new Proxy(d1, {
    get(target, prop) {
      if (prop === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          if (!overtaken) {
            overtaken = true
            await first()
          }
          return target.batch(statements)
        }
      }
      const value = Reflect.get(target, prop) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** D1 that counts the batches and statements it runs. */
function counting(d1: D1Database) {
  const counts = { batches: 0, reads: 0 }
  const db = new Proxy(d1, {
    get(target, prop) {
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          if (writesSomething(statements)) counts.batches++
          return target.batch(statements)
        }
      }
      if (prop === 'prepare') {
        return (query: string) => {
          counts.reads++
          return target.prepare(query)
        }
      }
      const value = Reflect.get(target, prop) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { db, counts }
}

describe('a write racing a delete', () => {
  const json = { type: 'application/json' }
  const story = (title: string, body: string) =>
    JSON.stringify({
      title,
      body: [body],
      sourceUrl: `https://example.com/${encodeURIComponent(title)}`,
    })

  /** What another isolate's delete of the article commits (the app's own statements). */
  const deleteElsewhere = async (slug: string) => {
    const db = createDb(env.DB)
    const row = await env.DB.prepare('SELECT id, revision FROM articles WHERE slug = ?')
      .bind(slug)
      .first<{ id: string; revision: number }>()
    await runBatch(db, deleteStatements(db, row!.id, row!.revision))
  }

  /** What another isolate's edit commits to the article row and its history: revision 2. */
  const editElsewhere = (slug: string) =>
    env.DB.batch([
      env.DB.prepare(
        `INSERT INTO revisions (article_id, number, source_id, fingerprint, reason, snapshot)
         SELECT article_id, 2, source_id, fingerprint, reason, snapshot FROM revisions
         WHERE number = 1 AND article_id = (SELECT id FROM articles WHERE slug = ?)`,
      ).bind(slug),
      env.DB.prepare('UPDATE articles SET revision = 2 WHERE slug = ?').bind(slug),
    ])

  const stateOf = (slug: string) =>
    env.DB.prepare(
      'SELECT revision, deleted_at IS NOT NULL AS deleted FROM articles WHERE slug = ?',
    )
      .bind(slug)
      .first<{ revision: number; deleted: number }>()

  it('refuses with 412 an If-Match upload that a delete overtook; the article stays deleted', async () => {
    const first = await upload(story('RACE: A delete overtakes an edit', 'One.'), json)
    expect(first.status).toBe(201)
    const { slug } = (await first.json()) as { slug: string }
    const edit = new TextEncoder().encode(story('RACE: A delete overtakes an edit', 'Two.'))
    const write = storeUpload(
      storageOn(overtakenBy(env.DB, () => deleteElsewhere(slug))),
      { format: 'json', contentType: 'application/json', bytes: edit, meta: {} },
      { revision: 1 },
    )
    await expect(write).rejects.toMatchObject({ status: 412, code: 'precondition_failed' })
    expect(await stateOf(slug)).toEqual({ revision: 1, deleted: 1 })
    expect((await call(`/api/articles/${slug}`)).status).toBe(404)
  })

  it('refuses with 412 an If-Match delete that an edit overtook; the article stays live and found', async () => {
    const first = await upload(story('RACE: An edit overtakes a delete', 'Alphabetical.'), json)
    const { slug } = (await first.json()) as { slug: string }
    const racing = overtakenBy(env.DB, () => editElsewhere(slug))
    await expect(deleteArticle(storageOn(racing), slug, { revision: 1 })).rejects.toMatchObject({
      status: 412,
    })
    expect(await stateOf(slug)).toEqual({ revision: 2, deleted: 0 })
    expect((await call('/api/search?q=alphabetical')).body).toContain(slug)
  })

  it('deletes the new revision when an edit overtakes a delete without If-Match', async () => {
    const first = await upload(story('RACE: An edit then a delete', 'Gamma.'), json)
    const { slug } = (await first.json()) as { slug: string }
    const racing = overtakenBy(env.DB, () => editElsewhere(slug))
    expect(await deleteArticle(storageOn(racing), slug)).toBe(true)
    expect(await stateOf(slug)).toEqual({ revision: 2, deleted: 1 })
    expect((await call('/api/search?q=gamma')).body).not.toContain(slug)
  })

  it('never leaves an article live after both an If-Match upload and a delete succeeded (40 rounds)', async () => {
    for (let round = 0; round < 40; round++) {
      const title = `RACE: Round ${round} of edits and deletes`
      const url = `https://example.com/rounds/${round}`
      const body = (text: string) => JSON.stringify({ title, body: [text], sourceUrl: url })
      const created = await upload(body('First.'), json)
      const { slug } = (await created.json()) as { slug: string }
      const [edit, removal] = await Promise.all([
        upload(body('Second.'), { ...json, headers: { 'If-Match': '"r1"' } }),
        call(`/api/articles/${slug}`, { method: 'DELETE', headers: auth }),
      ])
      const live = await call(`/api/articles/${slug}`)
      const outcome = [edit.status, removal.status, live.status]
      // Either order is an answer; both succeeding with the article live afterwards is not.
      expect([
        [200, 204, 404],
        [412, 204, 404],
      ]).toContainEqual(outcome)
    }
  })
})

describe('slugs under contention', () => {
  it('gives 100 simultaneous creates with one title 100 slugs, one batch each, no retry', async () => {
    const title = 'CROWD: One headline wanted by a hundred sources'
    const { db, counts } = counting(env.DB)
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        storeUpload(storageOn(db), {
          format: 'json',
          contentType: 'application/json',
          bytes: new TextEncoder().encode(
            JSON.stringify({
              title,
              body: [`Copy ${i}.`],
              sourceUrl: `https://example.com/c/${i}`,
            }),
          ),
          meta: {},
        }),
      ),
    )
    const base = 'crowd-one-headline-wanted-by-a-hundred-sources'
    expect(results.every((r) => r.status === 'created' && r.revision === 1)).toBe(true)
    expect(new Set(results.map((r) => r.slug))).toEqual(
      new Set([base, ...Array.from({ length: 99 }, (_, i) => `${base}-${i + 2}`)]),
    )
    expect(counts.batches).toBe(100)
  })
})
