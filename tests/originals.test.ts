import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { streamOriginal } from '../src/blobs/originals'
import { sha256Hex } from '../src/lib/hash'
import { auth, call, get, storageSnapshot, upload } from './helpers'

// Originals live in R2, content-addressed by SHA-256: D1 keeps the key, type, size and hash.

const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'
const json = { type: 'application/json' }

async function objects(): Promise<string[]> {
  return (await env.ORIGINALS.list()).objects.map((o) => o.key)
}

describe('originals in R2', () => {
  it('stores an upload under its hash, and D1 only its record', async () => {
    const res = await upload(seed)
    expect(res.status).toBe(201)
    const hash = await sha256Hex(seed)
    expect(await objects()).toEqual([`originals/sha256/${hash}`])
    const row = await env.DB.prepare(
      'SELECT r2_key, sha256, byte_length, content_type FROM sources',
    ).first()
    expect(row).toEqual({
      r2_key: `originals/sha256/${hash}`,
      sha256: hash,
      byte_length: new TextEncoder().encode(seed).length,
      content_type: 'text/plain; charset=utf-8',
    })
    expect((await storageSnapshot()).source_chunks).toBe(0)
  })

  it('stores the same bytes once, whichever articles hold them', async () => {
    const body = JSON.stringify({ title: 'Twice: The same bytes', body: ['Once.'] })
    const first = await upload(body, json)
    const again = await upload(body, { ...json, query: '?sourceUrl=https://example.com/other' })
    expect([first.status, again.status]).toEqual([201, 201])
    const hash = await sha256Hex(body)
    const keys = await objects()
    expect(keys.filter((k) => k === `originals/sha256/${hash}`)).toHaveLength(1)
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM sources WHERE sha256 = ?')
      .bind(hash)
      .first<{ n: number }>()
    expect(rows!.n).toBe(2)
  })

  it('streams the original back with its hash, length and type', async () => {
    const res = await get(`/api/articles/${SLUG}/source`)
    expect(res.status).toBe(200)
    expect(res.headers.get('X-Content-SHA256')).toBe(await sha256Hex(seed))
    expect(res.headers.get('Content-Length')).toBe(String(new TextEncoder().encode(seed).length))
    expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(await res.text()).toBe(seed)
  })

  it('never hands out bytes that do not hash to what D1 recorded', async () => {
    const body = JSON.stringify({ title: 'Damaged: An original changed in R2', body: ['Fine.'] })
    const stored = (await (await upload(body, json)).json()) as { slug: string }
    const hash = await sha256Hex(body)
    await env.ORIGINALS.put(`originals/sha256/${hash}`, body.replace('Fine', 'Evil'))
    // Checked whole before a byte is answered: a 503, never a 200 that a client takes as whole.
    const res = await get(`/api/articles/${stored.slug}/source`)
    expect(res.status).toBe(503)
    expect(res.headers.get('Retry-After')).toBe('5')
    expect(await res.json()).toEqual({
      error: {
        code: 'unavailable',
        message: `The original at originals/sha256/${hash} cannot be read; retry shortly.`,
      },
    })
    const renormalized = await call(`/api/articles/${stored.slug}/renormalize`, {
      method: 'POST',
      headers: auth,
    })
    expect(renormalized.status).toBe(503)
    expect(JSON.parse(renormalized.body)).toMatchObject({ error: { code: 'unavailable' } })
  })

  it('ends a stream of a damaged original past 16 MiB in an error, not a clean end', async () => {
    const whole = new Uint8Array(16 * 1024 * 1024 + 1).fill(97)
    const hash = await sha256Hex(whole)
    whole[whole.length - 1] = 98
    await env.ORIGINALS.put('originals/sha256/large-damaged', whole)
    const at = { key: 'originals/sha256/large-damaged' }
    const stream = await streamOriginal(env.ORIGINALS, at, hash)
    expect(stream).toBeInstanceOf(ReadableStream)
    await expect(new Response(stream).arrayBuffer()).rejects.toThrow(/cannot be read/)
  })

  it('writes nothing to D1 when R2 refuses the original: 503, and the upload can be retried', async () => {
    const before = await storageSnapshot()
    const failing = new Proxy(env.ORIGINALS, {
      get(target, prop) {
        if (prop === 'put') return () => Promise.reject(new Error('R2 put failed: 500'))
        const value = Reflect.get(target, prop) as unknown
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const body = JSON.stringify({ title: 'Unstored: R2 is down', body: ['Later.'] })
    const res = await call(
      '/api/articles',
      { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body },
      { ORIGINALS: failing },
    )
    expect(res.status).toBe(503)
    expect(await storageSnapshot()).toEqual(before)
    expect((await upload(body, json)).status).toBe(201)
  })
})

describe('moving an older install’s originals from D1 to R2', () => {
  /** Turns stored articles back into what an install before R2 holds: bytes in D1 chunks. */
  async function asBeforeR2(slugs: string[]) {
    for (const slug of slugs) {
      const row = await env.DB.prepare(
        'SELECT s.id, s.r2_key FROM sources s JOIN articles a ON a.source_id = s.id WHERE a.slug = ?',
      )
        .bind(slug)
        .first<{ id: string; r2_key: string }>()
      const object = await env.ORIGINALS.get(row!.r2_key)
      const bytes = new Uint8Array(await object!.arrayBuffer())
      const half = Math.ceil(bytes.length / 2)
      await env.DB.batch([
        env.DB.prepare('INSERT INTO source_chunks (source_id, seq, data) VALUES (?, 0, ?)').bind(
          row!.id,
          bytes.slice(0, half),
        ),
        env.DB.prepare('INSERT INTO source_chunks (source_id, seq, data) VALUES (?, 1, ?)').bind(
          row!.id,
          bytes.slice(half),
        ),
        env.DB.prepare('UPDATE sources SET r2_key = NULL WHERE id = ?').bind(row!.id),
      ])
      await env.ORIGINALS.delete(row!.r2_key)
    }
  }

  const move = (query = '') =>
    call(`/api/maintenance/originals${query}`, { method: 'POST', headers: auth })

  const bodies = ['Alpha', 'Beta', 'Gamma'].map((name) =>
    JSON.stringify({ title: `Legacy: ${name} from before R2`, body: [`${name} text.`] }),
  )
  const slugs = [
    'legacy-alpha-from-before-r2',
    'legacy-beta-from-before-r2',
    'legacy-gamma-from-before-r2',
  ]

  it('serves originals still in D1, then moves them, a pass at a time, checking each', async () => {
    for (const body of bodies) expect((await upload(body, json)).status).toBe(201)
    await asBeforeR2(slugs)
    expect(await (await get(`/api/articles/${slugs[0]}/source`)).text()).toBe(bodies[0])

    const first = JSON.parse((await move('?limit=2')).body) as { next: string; remaining: number }
    expect(first).toMatchObject({ moved: 2, refused: [], remaining: 1 })
    const second = JSON.parse((await move(`?limit=2&after=${first.next}`)).body) as Record<
      string,
      unknown
    >
    expect(second).toEqual({ moved: 1, refused: [], remaining: 0, next: null })
    expect((await storageSnapshot()).source_chunks).toBe(0)
    for (const [i, slug] of slugs.entries()) {
      const source = await get(`/api/articles/${slug}/source`)
      expect(await source.text()).toBe(bodies[i])
      const hash = await sha256Hex(bodies[i]!)
      expect((await env.ORIGINALS.head(`originals/sha256/${hash}`))?.size).toBe(bodies[i]!.length)
    }
    // Nothing is left: another pass changes nothing.
    const before = await storageSnapshot()
    expect(JSON.parse((await move()).body)).toEqual({
      moved: 0,
      refused: [],
      remaining: 0,
      next: null,
    })
    expect(await storageSnapshot()).toEqual(before)
  })

  it('refuses a source whose D1 bytes do not match its hash, and keeps its rows', async () => {
    const body = JSON.stringify({ title: 'Legacy: Damaged in D1', body: ['Text.'] })
    expect((await upload(body, json)).status).toBe(201)
    await asBeforeR2(['legacy-damaged-in-d1'])
    await env.DB.prepare(
      "UPDATE source_chunks SET data = X'00' WHERE seq = 1 AND source_id = (SELECT source_id FROM articles WHERE slug = 'legacy-damaged-in-d1')",
    ).run()
    const report = JSON.parse((await move()).body) as {
      moved: number
      refused: { reason: string }[]
      remaining: number
    }
    expect(report).toMatchObject({ moved: 0, remaining: 1 })
    expect(report.refused.map((r) => r.reason)).toEqual([
      'its D1 bytes do not match its hash or size',
    ])
    expect((await storageSnapshot()).source_chunks).toBe(2)
  })

  it('needs the token', async () => {
    const res = await call('/api/maintenance/originals', { method: 'POST' })
    expect(res.status).toBe(401)
  })
})
