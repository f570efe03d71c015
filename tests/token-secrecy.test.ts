import { afterEach, describe, expect, it, vi } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { tokenMatches } from '../src/http/auth'
import { call, TOKEN, unreachableD1 } from './helpers'

const PRESENTED = 'presented-secret-3f9a1c'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the bearer token', () => {
  it('is compared as two SHA-256 digests in constant time, whatever the lengths', async () => {
    const compare = vi.spyOn(crypto.subtle, 'timingSafeEqual')
    expect(await tokenMatches(TOKEN, TOKEN)).toBe(true)
    expect(await tokenMatches('x', TOKEN)).toBe(false)
    expect(await tokenMatches(`${TOKEN}-and-more`, TOKEN)).toBe(false)
    expect(compare).toHaveBeenCalledTimes(3)
    for (const [a, b] of compare.mock.calls) {
      expect([(a as ArrayBuffer).byteLength, (b as ArrayBuffer).byteLength]).toEqual([32, 32])
    }
  })

  it('is compared once per write, even when the rate limiter has looked at it first', async () => {
    const compare = vi.spyOn(crypto.subtle, 'timingSafeEqual')
    const res = await call('/api/articles', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        'CF-Connecting-IP': '192.0.2.7',
        'Content-Type': 'text/plain; charset=utf-8',
      },
      body: seed,
    })
    expect(res.status).toBe(201)
    expect(compare).toHaveBeenCalledTimes(1)
  })

  it('never appears in a log line, a response header or a response body', async () => {
    const logged: string[] = []
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(
          args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '),
        )
      })
    }
    const requests: [string, RequestInit, Partial<Cloudflare.Env>][] = [
      [
        '/api/articles',
        { method: 'POST', body: seed, headers: { Authorization: `Bearer ${PRESENTED}` } },
        {},
      ],
      [
        '/api/articles',
        {
          method: 'POST',
          body: '{',
          headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        },
        {},
      ],
      [
        '/api/articles',
        {
          method: 'POST',
          body: seed,
          headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' },
        },
        { DB: unreachableD1 },
      ],
      [
        '/api/articles/bulk',
        {
          method: 'POST',
          body: '{"title":1}\n',
          headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/x-ndjson' },
        },
        {},
      ],
      [
        '/api/articles/no-such/renormalize',
        { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } },
        {},
      ],
      ['/upload', { method: 'POST', body: form(PRESENTED), headers: {} }, {}],
    ]
    const seen: string[] = []
    for (const [path, init, bindings] of requests) {
      const res = await call(path, init, bindings)
      seen.push(`${res.status} ${JSON.stringify([...res.headers])} ${res.body}`)
    }
    expect(seen.map((s) => s.slice(0, 3))).toEqual(['401', '400', '503', '200', '404', '401'])
    expect(logged.length).toBeGreaterThan(0)
    for (const text of [...logged, ...seen]) {
      expect(text).not.toContain(TOKEN)
      expect(text).not.toContain(PRESENTED)
    }
  })
})

function form(token: string): FormData {
  const data = new FormData()
  data.set('token', token)
  data.set('text', seed)
  return data
}
