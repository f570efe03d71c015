import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { call } from './helpers'
import { SEED } from './http-table/bodies'
import { fillPath, ORIGIN, ROUTES, sample } from './http-table/support'

// The attack: one request per page with a foreign Host made every cached page (sitemap <loc>,
// Atom <id>, JSON Feed feed_url, canonical links, og:url, JSON-LD) name that host for every
// reader after it, KV copies included. The site's origin is a setting (SITE_ORIGIN, here
// http://example.test): no part of a request's host may reach a page.

const FOREIGN = 'attacker.example'

/** Every GET route with the seed's sample values, and the queries the search routes need. */
const PATHS = ROUTES.filter((r) => r.method === 'GET').flatMap((r) =>
  fillPath(r.path, sample).map((path) => (path.endsWith('/search') ? `${path}?q=haqqani` : path)),
)
const ACCEPTS = ['text/html', 'application/json', '*/*']

async function fetchAs(origin: string, path: string, accept: string) {
  const res = await call(`${origin}${path}`, { headers: { Accept: accept } })
  return { status: res.status, body: res.body, headers: [...res.headers].join('\n') }
}

async function kvValues(): Promise<string[]> {
  const { keys } = await env.PAGES.list()
  return Promise.all(keys.map(async (k) => `${k.name}\n${await env.PAGES.get(k.name)}`))
}

beforeAll(async () => {
  const created = await call('/api/articles', {
    method: 'POST',
    headers: { Authorization: 'Bearer test-token', 'Content-Type': 'text/plain; charset=utf-8' },
    body: SEED,
  })
  expect(created.status).toBe(201)
})

describe('a foreign Host header', () => {
  it('reaches no page: neither its own answer, nor what readers get after it, nor KV', async () => {
    expect(PATHS.length).toBeGreaterThan(15)
    for (const path of PATHS) {
      for (const accept of ACCEPTS) {
        // Twice: the first renders and caches, the second is served from the cache.
        for (const turn of [1, 2]) {
          const { body, headers } = await fetchAs(`http://${FOREIGN}`, path, accept)
          expect(`${headers}\n${body}`, `${path} (${accept}, turn ${turn})`).not.toContain(FOREIGN)
        }
      }
    }
    for (const path of PATHS) {
      for (const accept of ACCEPTS) {
        const { body } = await fetchAs(ORIGIN, path, accept)
        expect(body, `${path} (${accept})`).not.toContain(FOREIGN)
      }
    }
    const stored = await kvValues()
    expect(stored.length).toBeGreaterThan(10)
    for (const value of stored) expect(value).not.toContain(FOREIGN)
  })

  it('gets the configured origin in every absolute URL', async () => {
    const sitemap = await fetchAs(`http://${FOREIGN}:8443`, '/sitemap.xml', '*/*')
    expect(sitemap.body).toContain(`<loc>${ORIGIN}/articles/`)
    const page = await fetchAs(
      `https://${FOREIGN}`,
      `/articles/${sample('slug', 'articles')}`,
      '*/*',
    )
    expect(page.body).toContain(
      `<link rel="canonical" href="${ORIGIN}/articles/${sample('slug', 'articles')}"/>`,
    )
    const feed = JSON.parse((await fetchAs(`http://${FOREIGN}`, '/feed.json', '*/*')).body) as {
      feed_url: string
      home_page_url: string
    }
    expect([feed.feed_url, feed.home_page_url]).toEqual([`${ORIGIN}/feed.json`, `${ORIGIN}/`])
    const openapi = JSON.parse((await fetchAs(`http://${FOREIGN}`, '/openapi.json', '*/*')).body)
    expect(openapi.servers).toEqual([{ url: ORIGIN }])
  })
})
