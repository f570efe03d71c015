import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { call, get, storageSnapshot, unreachableD1, upload } from './helpers'

const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'
const PAGE = `/articles/${SLUG}`

/**
 * The app with some bindings replaced. Pages are not kept in the isolate's memory here, so every
 * view reaches the failing binding.
 */
const fetchWith = (bindings: Partial<Cloudflare.Env>, path: string, init: RequestInit = {}) =>
  call(path, init, { CACHE_FRESHNESS_MS: '0', ...bindings })

function kvWith(overrides: Partial<KVNamespace>): KVNamespace {
  return new Proxy(env.PAGES, {
    get(target, prop) {
      if (prop in overrides) return overrides[prop as keyof KVNamespace]
      const value = Reflect.get(target, prop) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

describe('faults in the bindings', () => {
  it('answers 503 with Retry-After and writes nothing when D1 cannot be reached for an upload', async () => {
    const before = await storageSnapshot()
    const res = await fetchWith({ DB: unreachableD1 }, '/api/articles', {
      method: 'POST',
      headers: { Authorization: 'Bearer test-token', 'Content-Type': 'text/plain' },
      body: seed,
    })
    expect(res.status).toBe(503)
    expect(res.headers.get('Retry-After')).toBe('5')
    expect(await storageSnapshot()).toEqual(before)
  })

  it('still answers when KV refuses to store the page, and caches it later', async () => {
    expect((await upload(seed)).status).toBe(201)
    const failingPut = kvWith({
      put: () => Promise.reject(new Error('KV PUT failed: 429 Too Many Requests')),
    })
    const res = await fetchWith({ PAGES: failingPut }, PAGE)
    expect(res.status).toBe(200)
    expect(res.headers.get('X-Cache')).toBe('MISS')
    expect(res.body).toContain('Islamabad won’t tolerate U.S. boots on the ground')
    expect((await get(`/articles/${SLUG}`)).headers.get('X-Cache')).toBe('MISS')
    expect((await get(`/articles/${SLUG}`)).headers.get('X-Cache')).toBe('HIT')
  })

  it('renders from D1 within a bounded wait when a KV read hangs', async () => {
    const hanging = kvWith({
      getWithMetadata: (() => new Promise(() => {})) as KVNamespace['getWithMetadata'],
    })
    const res = await fetchWith({ PAGES: hanging }, PAGE)
    expect(res.status).toBe(200)
    expect(res.headers.get('X-Cache')).toBe('MISS')
  })

  it('serves the last cached page when D1 is down, and 503 with Retry-After when it has none', async () => {
    const stale = await fetchWith({ DB: unreachableD1 }, PAGE)
    expect(stale.status).toBe(200)
    expect(stale.headers.get('X-Cache')).toBe('STALE')
    expect(stale.body).toContain('Islamabad won’t tolerate U.S. boots on the ground')

    const api = await fetchWith({ DB: unreachableD1 }, `/api/articles/${SLUG}`)
    expect(api.status).toBe(503)
    expect(api.headers.get('Retry-After')).toBe('5')
    expect((JSON.parse(api.body) as { error: { code: string } }).error.code).toBe('unavailable')

    const never = await fetchWith({ DB: unreachableD1 }, '/tags/never-rendered')
    expect(never.status).toBe(503)
  })

  it('serves the newest of the pages KV holds for it when D1 is down', async () => {
    const edited = seed.replace('on Thursday rejected', 'on Wednesday rejected')
    expect((await upload(edited)).status).toBe(200)
    expect((await fetchWith({}, PAGE)).headers.get('X-Cache')).toBe('MISS')
    const keys = (await env.PAGES.list({ prefix: `v3:page:article:${SLUG}:html@` })).keys
    expect(keys).toHaveLength(2)
    const stale = await fetchWith({ DB: unreachableD1 }, PAGE)
    expect(stale.headers.get('X-Cache')).toBe('STALE')
    const html = stale.body
    expect(html).toContain('on Wednesday rejected')
    expect(html).not.toContain('on Thursday rejected')
  })

  it('answers 503 when D1 is down and KV cannot list the pages either', async () => {
    const failingList = kvWith({ list: () => Promise.reject(new Error('KV LIST failed')) })
    const res = await fetchWith({ DB: unreachableD1, PAGES: failingList }, PAGE)
    expect(res.status).toBe(503)
  })
})
