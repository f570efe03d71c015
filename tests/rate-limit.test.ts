import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { ORIGIN, TOKEN } from './helpers'

const write = (ip: string, token = TOKEN) =>
  SELF.fetch(`${ORIGIN}/api/articles`, {
    method: 'POST',
    headers: {
      'CF-Connecting-IP': ip,
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ title: `From ${ip}`, body: ['Text.'] }),
  })

describe('write rate limiting per client address', () => {
  it('answers 429 with Retry-After past the limit, for that address only', async () => {
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push((await write('203.0.113.7')).status)
    expect(statuses).toEqual([201, 200, 200, 200, 200, 429])
    const limited = await write('203.0.113.7')
    expect(limited.headers.get('Retry-After')).toBe('10')
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited')
    expect((await write('198.51.100.9')).status).toBe(201)
  })

  it('throttles wrong-token attempts on their own budget, which never holds back the token', async () => {
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push((await write('192.0.2.44', 'guess')).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
    const guessing = await write('192.0.2.44', 'guess')
    expect(guessing.headers.get('Retry-After')).toBe('60')
    expect((await write('192.0.2.44')).status).toBe(201)
  })

  it('keys on CF-Connecting-IP alone: X-Forwarded-For and X-Real-IP a client sends change nothing', async () => {
    const statuses = []
    for (let i = 0; i < 6; i++) {
      const res = await SELF.fetch(`${ORIGIN}/api/articles`, {
        method: 'POST',
        headers: {
          'CF-Connecting-IP': '203.0.113.99',
          'X-Forwarded-For': `198.51.100.${i}`,
          'X-Real-IP': `192.0.2.${i}`,
          Authorization: `Bearer ${TOKEN}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ title: 'From behind a proxy', body: ['Text.'] }),
      })
      statuses.push(res.status)
    }
    expect(statuses).toEqual([201, 200, 200, 200, 200, 429])
  })

  it('never limits reads', async () => {
    for (let i = 0; i < 8; i++) {
      const res = await SELF.fetch(`${ORIGIN}/healthz`, {
        headers: { 'CF-Connecting-IP': '203.0.113.7' },
      })
      expect(res.status).toBe(200)
    }
  })
})

describe('pages built from D1 per client address', () => {
  const read = (path: string, ip: string) =>
    SELF.fetch(`${ORIGIN}${path}`, { headers: { 'CF-Connecting-IP': ip } })

  it('answers 429 past the render budget, while pages served from the cache stay free', async () => {
    const stored = await SELF.fetch(`${ORIGIN}/api/articles`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'BUDGET: A page read many times', body: ['Words.'] }),
    })
    expect(stored.status).toBe(201)
    const page = '/articles/budget-a-page-read-many-times'
    // Rendered once, by a reader without an address, then cached.
    expect((await SELF.fetch(`${ORIGIN}${page}`)).headers.get('X-Cache')).toBe('MISS')
    const statuses = []
    for (let i = 0; i < 6; i++)
      statuses.push((await read(`/search?q=word${i}`, '203.0.113.50')).status)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    const limited = await read('/api/search?q=words', '203.0.113.50')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBe('60')
    for (let i = 0; i < 3; i++) {
      const cached = await read(page, '203.0.113.50')
      expect([cached.status, cached.headers.get('X-Cache')]).toEqual([200, 'HIT'])
    }
    expect((await read('/search?q=other', '198.51.100.60')).status).toBe(200)
  })
})
