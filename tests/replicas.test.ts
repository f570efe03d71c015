import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { pageKey } from '../src/cache/pages'
import { call, storageSnapshot, TOKEN, type Answer } from './helpers'
import { fillPath, ROUTES, sample } from './http-table/support'

// Reads through D1 sessions (src/http/d1-session.ts). Miniflare has one copy of the database and
// no replica lag, so what these prove is the bookmark's path: from a write's answer, back in a
// header or cookie, into the constraint `withSession` is given. Not replica timing.

const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'
/** What Miniflare's bookmarks look like: real D1's have the same four hex fields. */
const BOOKMARK_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/
const PAGE_WINDOW = { CACHE_FRESHNESS_MS: '60000' }

/** The real D1, recording the constraint of every session a request opens on it. */
function recordingD1() {
  const constraints: (string | undefined)[] = []
  const DB = new Proxy(env.DB, {
    get(target, prop) {
      if (prop === 'withSession') {
        return (constraint?: string) => {
          constraints.push(constraint)
          return target.withSession(constraint)
        }
      }
      const value = Reflect.get(target, prop) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { DB, constraints }
}

/** One request through the app over a recording D1: its answer and the sessions it opened. */
async function traced(
  path: string,
  init: RequestInit = {},
  bindings: Partial<Cloudflare.Env> = {},
): Promise<Answer & { constraints: (string | undefined)[] }> {
  const { DB, constraints } = recordingD1()
  return { ...(await call(path, init, { ...bindings, DB })), constraints }
}

const uploadInit = (text: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain', ...headers },
  body: text,
})

const edition = (n: number) => seed.replace('on Thursday rejected', `on day ${n} rejected`)

const bookmarkOf = (res: Answer) => res.headers.get('X-D1-Bookmark')

describe('writes', () => {
  it('start at the primary and answer their bookmark as a header and a cookie', async () => {
    const res = await traced('/api/articles', uploadInit(edition(1)))
    expect(res.status).toBe(201)
    expect(res.constraints).toEqual(['first-primary'])
    const bookmark = bookmarkOf(res)!
    expect(bookmark).toMatch(BOOKMARK_SHAPE)
    expect(res.headers.get('Set-Cookie')).toBe(
      `d1_bookmark=${bookmark}; Path=/; HttpOnly; SameSite=Lax; Max-Age=300`,
    )
  })

  it('answer a bookmark no older than the one a read got before them', async () => {
    const before = bookmarkOf(await traced('/api/articles'))!
    const after = bookmarkOf(await traced('/api/articles', uploadInit(edition(2))))!
    expect(before).toMatch(BOOKMARK_SHAPE)
    // D1 bookmarks sort oldest to newest as strings; the write came after the read.
    expect(after > before).toBe(true)
  })

  it('start at the primary even when the client sends a bookmark: it is at least as new', async () => {
    const { headers } = await traced('/api/articles')
    const sent = headers.get('X-D1-Bookmark')!
    const res = await traced('/api/articles', uploadInit(edition(3), { 'X-D1-Bookmark': sent }))
    expect(res.status).toBe(200)
    expect(res.constraints).toEqual(['first-primary'])
    expect(bookmarkOf(res)! > sent).toBe(true)
  })

  it('mark the cookie Secure when the site is served over https', async () => {
    const res = await traced('/api/articles', uploadInit(edition(4)), {
      SITE_ORIGIN: 'https://news.example.org',
    })
    expect(res.headers.get('Set-Cookie')).toBe(
      `d1_bookmark=${bookmarkOf(res)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=300; Secure`,
    )
  })

  it('answer the bookmark of what a refused write read (412), cookie included', async () => {
    const res = await traced('/api/articles', uploadInit(edition(5), { 'If-Match': '"r1-0"' }))
    expect(res.status).toBe(412)
    expect(res.constraints).toEqual(['first-primary'])
    expect(res.headers.get('Set-Cookie')).toBe(
      `d1_bookmark=${bookmarkOf(res)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=300`,
    )
  })
})

describe('reads', () => {
  it('without a bookmark start anywhere, and answer theirs without a cookie', async () => {
    const res = await traced('/api/articles')
    expect(res.status).toBe(200)
    expect(res.constraints).toEqual(['first-unconstrained'])
    expect(bookmarkOf(res)).toMatch(BOOKMARK_SHAPE)
    expect(res.headers.get('Set-Cookie')).toBeNull()
  })

  it('with the bookmark a write answered start from exactly it, in the header', async () => {
    const written = bookmarkOf(await traced('/api/articles', uploadInit(edition(6))))!
    for (const path of ['/api/articles', `/api/articles/${SLUG}/revisions`, '/api/search?q=day']) {
      const res = await traced(path, { headers: { 'X-D1-Bookmark': written } })
      expect(res.status, path).toBe(200)
      expect(res.constraints, path).toEqual([written])
      expect(bookmarkOf(res)! >= written, path).toBe(true)
    }
  })

  it('with the bookmark in the cookie start from it; the header wins over the cookie', async () => {
    const written = bookmarkOf(await traced('/api/articles', uploadInit(edition(7))))!
    const later = bookmarkOf(await traced('/api/articles'))!
    const cookie = `theme=dark; d1_bookmark=${written}`
    expect((await traced('/api/articles', { headers: { Cookie: cookie } })).constraints).toEqual([
      written,
    ])
    const both = await traced('/api/articles', {
      headers: { Cookie: cookie, 'X-D1-Bookmark': later },
    })
    expect(both.constraints).toEqual([later])
  })

  it('take an empty header as none', async () => {
    const res = await traced('/api/articles', { headers: { 'X-D1-Bookmark': '' } })
    expect(res.status).toBe(200)
    expect(res.constraints).toEqual(['first-unconstrained'])
  })

  it('open no session when they read nothing from D1', async () => {
    const res = await traced('/healthz', { headers: { 'X-D1-Bookmark': 'not a bookmark' } })
    expect(res.status).toBe(200)
    expect(res.constraints).toEqual([])
    expect(bookmarkOf(res)).toBeNull()
  })
})

describe('cached pages', () => {
  it('served from memory open no session and carry no bookmark or cookie', async () => {
    await traced('/api/articles', uploadInit(edition(8)))
    const miss = await traced(`/articles/${SLUG}`, {}, PAGE_WINDOW)
    expect(miss.headers.get('X-Cache')).toBe('MISS')
    expect(miss.constraints).toEqual(['first-unconstrained'])
    const hit = await traced(`/articles/${SLUG}`, {}, PAGE_WINDOW)
    expect(hit.headers.get('X-Cache')).toBe('HIT')
    expect(hit.body).toBe(miss.body)
    expect(hit.constraints).toEqual([])
    for (const res of [miss, hit]) {
      // Pages are public (any cache may keep them): they never carry one client's bookmark.
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=0, must-revalidate')
      expect(res.headers.get('Vary')).toBe('Accept')
      expect(bookmarkOf(res)).toBeNull()
      expect(res.headers.get('Set-Cookie')).toBeNull()
    }
  })

  it('are stored in KV as the page alone: the bytes sent and their ETag, no bookmark', async () => {
    const written = await traced('/api/articles', uploadInit(edition(9)))
    const bookmark = bookmarkOf(written)!
    const miss = await traced(`/api/articles/${SLUG}`, { headers: { 'X-D1-Bookmark': bookmark } })
    expect(miss.headers.get('X-Cache')).toBe('MISS')
    expect(miss.constraints).toEqual([bookmark])
    const { keys } = await env.PAGES.list({ prefix: `v3:page:article:${SLUG}:json@` })
    const stored = await env.PAGES.getWithMetadata<{ etag: string }>(keys[0]!.name)
    expect(stored.value).toBe(miss.body)
    expect(stored.metadata).toEqual({ etag: miss.headers.get('ETag') })
    expect(stored.value).not.toContain(bookmark)
  })

  it('read the epoch through the bookmark of a client that sent one, not from memory', async () => {
    const bookmark = bookmarkOf(await traced('/api/articles', uploadInit(edition(10))))!
    expect((await traced(`/articles/${SLUG}`, {}, PAGE_WINDOW)).body).toContain('on day 10')
    const res = await traced(
      `/articles/${SLUG}`,
      { headers: { Cookie: `d1_bookmark=${bookmark}` } },
      PAGE_WINDOW,
    )
    expect(res.headers.get('X-Cache')).toBe('HIT')
    expect(res.constraints).toEqual([bookmark])
    expect(res.body).toContain('on day 10')
    expect(bookmarkOf(res)).toBeNull()
    expect(res.headers.get('Set-Cookie')).toBeNull()
  })
})

describe('a page rendered while its epoch is remembered', () => {
  const scope = `article:${SLUG}`
  const epochInD1 = async () =>
    (await env.DB.prepare('SELECT epoch FROM cache_epochs WHERE scope = ?').bind(scope).first<{
      epoch: number
    }>())!.epoch

  it('is stored under the epoch its own session read, not the remembered one', async () => {
    await traced('/api/articles', uploadInit(edition(12)))
    expect((await traced(`/articles/${SLUG}`, {}, PAGE_WINDOW)).headers.get('X-Cache')).toBe('MISS')
    const remembered = await epochInD1()
    // The epoch moves on in D1 without this isolate knowing: the remembered one is now another
    // session's view, as one read from a replica ahead of this request's would be.
    await env.DB.prepare('UPDATE cache_epochs SET epoch = epoch + 1 WHERE scope = ?')
      .bind(scope)
      .run()
    const json = await traced(`/api/articles/${SLUG}`, {}, PAGE_WINDOW)
    expect(json.headers.get('X-Cache')).toBe('MISS')
    expect(json.constraints).toEqual(['first-unconstrained'])
    const { keys } = await env.PAGES.list({ prefix: `v3:page:${scope}:json@` })
    const names = keys.map((k) => k.name)
    expect(names).toContain(pageKey(scope, remembered + 1, 'json'))
    expect(names).not.toContain(pageKey(scope, remembered, 'json'))
  })
})

describe('malformed bookmarks', () => {
  const BAD = ['not a bookmark', 'zz-00', '0000--0000', '-0000', `${'0'.repeat(129)}`]

  it('in the header are a 400 invalid_bookmark, before any session, read or write', async () => {
    const before = await storageSnapshot()
    for (const bad of BAD) {
      for (const [path, init] of [
        ['/api/articles', {}],
        [`/api/articles/${SLUG}`, {}],
        ['/api/articles', uploadInit(edition(11))],
      ] as const) {
        const headers = { ...(init as RequestInit).headers, 'X-D1-Bookmark': bad }
        const res = await traced(path, { ...init, headers })
        expect([bad, path, res.status], bad).toEqual([bad, path, 400])
        expect(JSON.parse(res.body)).toEqual({
          error: {
            code: 'invalid_bookmark',
            message:
              'X-D1-Bookmark: not a D1 bookmark (hex fields joined by dashes, at most 128 characters); send back the one a response gave you, or none.',
          },
        })
        expect(res.constraints).toEqual([])
        expect(bookmarkOf(res)).toBeNull()
      }
    }
    expect(await storageSnapshot()).toEqual(before)
  })

  it('on every GET route: a documented 400, unless the route reads nothing from D1', async () => {
    const openapi = JSON.parse((await call('/openapi.json')).body) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
    }
    const documentedAt = (pattern: string) =>
      Object.keys(openapi.paths[pattern.replace(/:(\w+)/g, '{$1}')]!.get!.responses)
    // Every view reads its epoch from D1 (no window), so a route that opens no session reads none.
    const fresh = { CACHE_FRESHNESS_MS: '0' }
    const json = { Accept: 'application/json' }
    const readers: string[] = []
    for (const route of ROUTES.filter((r) => r.method === 'GET')) {
      for (const path of fillPath(route.path, sample)) {
        const url = /^\/(api\/)?search$/.test(path) ? `${path}?q=rejected` : path
        const plain = await traced(url, { headers: json }, fresh)
        const bad = await traced(
          url,
          { headers: { ...json, 'X-D1-Bookmark': 'not a bookmark' } },
          fresh,
        )
        if (plain.constraints.length === 0) {
          expect([url, bad.status]).toEqual([url, plain.status])
          continue
        }
        readers.push(route.path)
        expect([url, bad.status, JSON.parse(bad.body).error.code]).toEqual([
          url,
          400,
          'invalid_bookmark',
        ])
        expect(documentedAt(route.path), url).toContain('400')
      }
    }
    expect(readers.length).toBeGreaterThan(20)
  })

  it('in the cookie are ignored: the read starts anywhere', async () => {
    for (const bad of [...BAD.map(encodeURIComponent), '%zz']) {
      const res = await traced('/api/articles', { headers: { Cookie: `d1_bookmark=${bad}` } })
      expect([bad, res.status]).toEqual([bad, 200])
      expect(res.constraints).toEqual(['first-unconstrained'])
    }
  })
})
