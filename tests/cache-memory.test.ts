import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { call, ORIGIN, TOKEN } from './helpers'

const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'
const PAGE = `${ORIGIN}/articles/${SLUG}`
const edition = (n: number) => seed.replace('Pakistan on Thursday', `Pakistan on day ${n}`)
const editionIn = (html: string) => Number(/Pakistan on day (\d+)/.exec(html)?.[1] ?? 0)

/** The page, from the app in this isolate, with a freshness window and maybe bindings replaced. */
const view = (freshnessMs: number, bindings: Partial<Cloudflare.Env> = {}) =>
  call(PAGE, {}, { CACHE_FRESHNESS_MS: String(freshnessMs), ...bindings })

async function write(text: string) {
  const res = await call(
    '/api/articles',
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain; charset=utf-8' },
      body: text,
    },
    { CACHE_FRESHNESS_MS: '1000' },
  )
  expect(res.status).toBeLessThan(300)
  return res
}

const failing = () => Promise.reject(new Error('binding used'))
const noD1 = new Proxy(env.DB, { get: () => failing }) as D1Database
const noKv = new Proxy(env.PAGES, { get: () => failing }) as KVNamespace

/** D1 whose reads run at once but answer only once `gate` opens. */
function heldBack(d1: D1Database, gate: Promise<void>): D1Database {
  const hold =
    (run: (...args: unknown[]) => Promise<unknown>) =>
    async (...args: unknown[]) => {
      const result = await run(...args)
      await gate
      return result
    }
  const statement = (stmt: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(stmt, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown
        if (typeof value !== 'function') return value
        if (key === 'bind') return (...args: unknown[]) => statement(target.bind(...args))
        if (['first', 'all', 'raw', 'run'].includes(String(key))) return hold(value.bind(target))
        return value.bind(target)
      },
    })
  // Requests read through a session (src/http/d1-session.ts): its statements are held back too.
  const holding = <T extends D1Database | D1DatabaseSession>(client: T): T =>
    new Proxy(client, {
      get(target, key) {
        if (key === 'prepare') return (query: string) => statement(target.prepare(query))
        if (key === 'withSession')
          return (constraint?: string) => holding((target as D1Database).withSession(constraint))
        const value = Reflect.get(target, key) as unknown
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
  return holding(d1)
}

describe('pages kept in the isolate', () => {
  it('serves a page read within the window from memory, asking neither D1 nor KV', async () => {
    await write(edition(1))
    expect((await view(60_000)).headers.get('X-Cache')).toBe('MISS')
    const first = (await view(60_000)).body
    expect(editionIn(first)).toBe(1)
    // Again and again: the remembered bytes must survive being sent.
    for (let i = 0; i < 3; i++) {
      const hot = await view(60_000, { DB: noD1, PAGES: noKv })
      expect(hot.status).toBe(200)
      expect(hot.headers.get('X-Cache')).toBe('HIT')
      expect(hot.body).toBe(first)
    }
    for (let i = 0; i < 3; i++) expect(await (await SELF.fetch(PAGE)).text()).toBe(first)
  })

  it('shows a write made in this isolate to the very next view', async () => {
    await write(edition(2))
    expect(editionIn((await view(60_000)).body)).toBe(2)
    await write(edition(3))
    const next = await view(60_000)
    expect(next.headers.get('X-Cache')).toBe('MISS')
    expect(editionIn(next.body)).toBe(3)
  })

  it('never shows a view that starts after a write is acknowledged anything older', async () => {
    const shown = async () => editionIn((await view(60_000)).body)
    for (let n = 4; n <= 8; n++) {
      // Any write forgets the epochs read: the next view asks D1.
      await write(seed.replace('PAKISTAN: Islamabad', `PAKISTAN: Karachi ${n}`))
      // A view that read the epoch before the write committed, and answers after it is acknowledged.
      let open = () => {}
      const gate = new Promise<void>((resolve) => (open = resolve))
      const overlapping = view(60_000, { DB: heldBack(env.DB, gate) })
      await write(edition(n))
      open()
      expect(editionIn((await overlapping).body)).toBeGreaterThanOrEqual(n - 1)
      expect(await shown()).toBe(n)
    }
  })

  it('serves another isolate’s write once the window has passed, or at once with a window of 0', async () => {
    await write(edition(13))
    expect(editionIn((await view(200)).body)).toBe(13)
    // Another isolate's write: D1 changes, and this isolate is not told.
    const [from, to] = ['Pakistan on day 13', 'Pakistan on day 14']
    await env.DB.batch([
      env.DB.prepare('UPDATE blocks SET text = replace(text, ?, ?)').bind(from, to),
      env.DB.prepare('UPDATE articles SET summary = replace(summary, ?, ?)').bind(from, to),
    ])
    await env.DB.prepare('UPDATE cache_epochs SET epoch = epoch + 1 WHERE scope = ?')
      .bind(`article:${SLUG}`)
      .run()
    expect(editionIn((await view(200)).body)).toBe(13)
    expect(editionIn((await view(0)).body)).toBe(14)
    await write(edition(15))
    expect(editionIn((await view(200)).body)).toBe(15)
    await env.DB.prepare('UPDATE cache_epochs SET epoch = epoch + 1 WHERE scope = ?')
      .bind(`article:${SLUG}`)
      .run()
    expect((await view(200)).headers.get('X-Cache')).toBe('HIT')
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect((await view(200)).headers.get('X-Cache')).toBe('MISS')
  })
})
