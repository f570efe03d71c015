import { describe, expect, it } from 'vitest'
import { get, upload } from '../../helpers'
import newsJsonLd from './fixtures/news-jsonld.html?raw'

const HTML = 'text/html; charset=utf-8'

describe('POST /api/articles with a saved page (text/html)', () => {
  it('stores the article the page holds, and serves it back', async () => {
    const res = await upload(newsJsonLd, { type: HTML })
    expect(res.status).toBe(201)
    const a = (await res.json()) as Record<string, any>
    expect(a.slug).toBe('state-board-delays-vote-on-groundwater-limits')
    expect(a.authors.map((x: { name: string }) => x.name)).toEqual(['Ana Ruiz', 'Tom O’Neil'])
    expect(a.dateline).toBe('SACRAMENTO')
    expect(a.publishedAt).toBe('2023-05-09T21:30:00.000Z')
    expect(a.body.map((b: { type: string }) => b.type)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'list',
      'quote',
      'paragraph',
    ])
    expect(a.source.format).toBe('html')

    const page = await get(`/articles/${a.slug}`)
    expect(page.status).toBe(200)
    const text = await page.text()
    expect(text).toContain('State board delays vote on groundwater limits')
    expect(text).not.toContain('Waterwatcher')
  })

  it('answers 422 with the ingest error for a page with no article', async () => {
    const res = await upload('<html><body><nav>Home</nav></body></html>', { type: HTML })
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual({
      error: { code: 'missing_title', message: 'the article has no title' },
    })
  })

  it('lets ?sourceUrl= fill in a page without a canonical address', async () => {
    const page =
      '<title>Library hours extended</title><p>The main library will stay open until 9 p.m.</p>'
    const res = await upload(page, {
      type: HTML,
      query: '?sourceUrl=https://news.example/library-hours',
    })
    expect(res.status).toBe(201)
    const a = (await res.json()) as Record<string, any>
    expect(a.source.url).toBe('https://news.example/library-hours')
  })
})
