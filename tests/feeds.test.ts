import { describe, expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { get, ORIGIN, upload } from './helpers'

const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'

describe('feeds, sitemap and robots.txt', () => {
  it('serves an Atom feed of the site with the article in full', async () => {
    expect((await upload(seed, { query: '?publishedAt=2011-09-22' })).status).toBe(201)
    const res = await get('/feed.xml')
    expect(res.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8')
    const xml = await res.text()
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true)
    expect(xml).toContain(`<id>${ORIGIN}/articles/${SLUG}</id>`)
    expect(xml).toContain('<title>Islamabad won’t tolerate U.S. boots on the ground</title>')
    expect(xml).toContain(
      `<link rel="self" type="application/atom+xml" href="${ORIGIN}/feed.xml"/>`,
    )
    expect(xml).toContain('<published>2011-09-22T00:00:00.000Z</published>')
    expect(xml).toContain('<name>Alex Rodriguez</name>')
  })

  it('serves JSON Feed 1.1 per author and per tag', async () => {
    for (const path of [
      '/authors/alex-rodriguez/feed.json',
      '/tags/pakistan/feed.json',
      '/feed.json',
    ]) {
      const res = await get(path)
      expect(res.headers.get('Content-Type'), path).toBe('application/feed+json; charset=utf-8')
      const feed = (await res.json()) as {
        version: string
        feed_url: string
        items: { id: string; title: string; authors: { name: string }[]; content_text: string }[]
      }
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
      expect(feed.feed_url).toBe(`${ORIGIN}${path}`)
      expect(feed.items.map((i) => i.id)).toEqual([`${ORIGIN}/articles/${SLUG}`])
      expect(feed.items[0]!.authors).toEqual([
        { name: 'Alex Rodriguez', url: `${ORIGIN}/authors/alex-rodriguez` },
      ])
      expect(feed.items[0]!.content_text).toContain('Pakistan on Thursday rejected')
    }
    expect((await get('/authors/nobody/feed.xml')).status).toBe(404)
  })

  it('lists every article in the sitemap, and robots.txt points at it', async () => {
    const sitemap = await (await get('/sitemap.xml')).text()
    expect(sitemap).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    expect(sitemap).toContain(`<loc>${ORIGIN}/articles/${SLUG}</loc>`)
    expect(sitemap).toContain(`<loc>${ORIGIN}/</loc>`)
    expect((await get('/sitemaps/1.xml')).status).toBe(200)
    expect((await get('/sitemaps/2.xml')).status).toBe(404)
    const robots = await (await get('/robots.txt')).text()
    expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`)
    expect(robots).toContain('Disallow: /api/')
  })

  it('serves the icon the pages embed at /favicon.ico', async () => {
    const res = await get('/favicon.ico')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('image/svg+xml')
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    const page = await (await get('/')).text()
    const embedded = /<link rel="icon"[^>]* href="data:image\/svg\+xml,([^"]+)"/.exec(page)?.[1]
    expect(decodeURIComponent(embedded ?? '')).toBe(await res.text())
  })
})

describe('archive pages', () => {
  it('lists a month in HTML and JSON, and 404s a month that cannot exist or has no article', async () => {
    const html = await (await get('/archive/2011/09')).text()
    expect(html).toContain('<h1>September 2011</h1>')
    expect(html).toContain(`href="/articles/${SLUG}"`)
    const json = (await (await get('/api/archive/2011/09')).json()) as {
      month: string
      items: unknown[]
    }
    expect(json.month).toBe('2011-09')
    expect(json.items).toHaveLength(1)
    expect((await get('/archive/2011/13')).status).toBe(404)
    expect((await get('/api/archive/2011/00')).status).toBe(404)
    // An empty month is no page: it would be one more page anyone could make the cache keep.
    const empty = await get('/archive/1999/01')
    expect(empty.status).toBe(404)
    expect(await empty.text()).toContain('<p class="kicker">Error 404</p>')
    expect((await get('/api/archive/1999/01')).status).toBe(404)
    expect((await get('/archive/0000/01')).status).toBe(404)
  })
})

describe('related headlines link to stored articles', () => {
  const relatedTitle = 'Taliban offshoot blamed for assault on U.S. Embassy in Kabul'

  it('links a related headline to an article uploaded later, and refreshes the cached page', async () => {
    const page = await get(`/articles/${SLUG}`)
    expect(await page.text()).not.toContain('href="/articles/taliban-offshoot')
    await get(`/api/articles/${SLUG}`)
    const cachedJson = await get(`/api/articles/${SLUG}`)
    expect(cachedJson.headers.get('X-Cache')).toBe('HIT')
    const etagBefore = cachedJson.headers.get('ETag')!
    const res = await upload(
      JSON.stringify({ title: relatedTitle, body: ['The attack lasted 20 hours.'] }),
      {
        type: 'application/json',
      },
    )
    expect(res.status).toBe(201)
    const after = await get(`/articles/${SLUG}`)
    expect(after.headers.get('X-Cache')).toBe('MISS')
    const html = await after.text()
    expect(html).toContain(
      'href="/articles/taliban-offshoot-blamed-for-assault-on-us-embassy-in-kabul"',
    )
    // The same revision, so If-Match still takes it; but a new representation, so a client's
    // If-None-Match with the old ETag gets the new JSON, not a 304.
    const jsonRes = await get(`/api/articles/${SLUG}`, { 'If-None-Match': etagBefore })
    expect(jsonRes.status).toBe(200)
    expect(jsonRes.headers.get('X-Cache')).toBe('MISS')
    expect(etagBefore.slice(0, 4)).toBe('"r1-')
    expect(jsonRes.headers.get('ETag')!.slice(0, 4)).toBe('"r1-')
    expect(jsonRes.headers.get('ETag')).not.toBe(etagBefore)
    const json = (await jsonRes.json()) as {
      related: { title: string; url: string | null }[]
    }
    expect(json.related[1]).toEqual({
      title: relatedTitle,
      url: '/articles/taliban-offshoot-blamed-for-assault-on-us-embassy-in-kabul',
    })
    expect(json.related[0]!.url).toBeNull()
  })

  it('links an article uploaded later to one stored earlier', async () => {
    const res = await upload(
      JSON.stringify({
        title: 'Follow-up on the embassy attack',
        body: ['More details emerged.'],
        related: ['PAKISTAN: Islamabad won’t tolerate U.S. boots on the ground'],
      }),
      { type: 'application/json' },
    )
    const body = (await res.json()) as { related: { url: string | null }[] }
    expect(body.related[0]!.url).toBe(`/articles/${SLUG}`)
  })
})
