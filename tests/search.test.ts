import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createDb } from '../src/db/client'
import { RANKED_MATCHES, searchArticles } from '../src/db/search-read'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { auth, get, send, upload } from './helpers'

const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'

interface Results {
  query: string
  items: { slug: string; snippet: string; marks: [number, number][] }[]
  nextCursor: string | null
}
const search = async (q: string, extra = '') =>
  (await (await get(`/api/search?q=${encodeURIComponent(q)}${extra}`)).json()) as Results

describe('full-text search', () => {
  it('finds words in the body, ranks headline matches first and marks what matched', async () => {
    expect((await upload(seed)).status).toBe(201)
    for (const [title, body] of [
      ['Haqqani network: a profile', 'A look at the group and its founder.'],
      ['Budget talks resume', 'Lawmakers met again on Tuesday; Haqqani was not discussed.'],
    ]) {
      const res = await upload(JSON.stringify({ title, body: [body] }), {
        type: 'application/json',
      })
      expect(res.status).toBe(201)
    }
    const results = await search('Haqqani')
    expect(results.items.map((i) => i.slug)).toEqual([
      'haqqani-network-a-profile',
      SLUG,
      'budget-talks-resume',
    ])
    const hit = results.items[1]!
    expect(hit.marks.length).toBeGreaterThan(0)
    for (const [start, end] of hit.marks) expect(hit.snippet.slice(start, end)).toBe('Haqqani')
  })

  it('searches authors and tags too, and stems words', async () => {
    expect((await search('Rodriguez')).items.map((i) => i.slug)).toEqual([SLUG])
    expect((await search('pakistan')).items[0]!.slug).toBe(SLUG)
    expect((await search('tolerating')).items.map((i) => i.slug)).toEqual([SLUG])
  })

  it('matches "quoted phrases" as phrases', async () => {
    expect((await search('"categoric no"')).items.map((i) => i.slug)).toEqual([SLUG])
    expect((await search('"no categoric"')).items).toEqual([])
  })

  it('takes either side of OR and leaves out -words and -"phrases"', async () => {
    const slugs = async (q: string) => (await search(q)).items.map((i) => i.slug).sort()
    expect(await slugs('profile OR lawmakers')).toEqual([
      'budget-talks-resume',
      'haqqani-network-a-profile',
    ])
    expect(await slugs('haqqani -lawmakers')).toEqual(['haqqani-network-a-profile', SLUG].sort())
    expect(await slugs('haqqani -"a look"')).toEqual(['budget-talks-resume', SLUG].sort())
    // A lowercase "or" is a word like any other; so is a hyphen inside a word.
    expect(await slugs('profile or lawmakers')).toEqual([])
  })

  it('paginates with a cursor', async () => {
    const first = await search('Haqqani', '&limit=2')
    expect(first.items).toHaveLength(2)
    const second = await search('Haqqani', `&limit=2&cursor=${first.nextCursor}`)
    expect(second.items.map((i) => i.slug)).toEqual(['budget-talks-resume'])
    expect(second.nextCursor).toBeNull()
  })

  it.each([
    '"unbalanced',
    'NEAR(',
    'full-text',
    'AND OR NOT',
    '*',
    'haqqani -isi',
    ')(',
    'title:haqqani',
    "'; DROP TABLE articles; --",
    '\u0000',
  ])('treats %j as words, never as FTS syntax', async (q) => {
    const res = await get(`/api/search?q=${encodeURIComponent(q)}`)
    expect(res.status).toBe(200)
  })

  it('asks for a query when there is none', async () => {
    for (const path of ['/api/search', '/api/search?q=', '/api/search?q=%20%20']) {
      const res = await get(path)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_query')
    }
    expect((await get('/api/search?q=x&cursor=nope')).status).toBe(400)
  })

  it('renders an HTML results page with marked, escaped snippets', async () => {
    const html = await (await get('/search?q=categoric')).text()
    expect(html).toContain('<mark>categoric</mark>')
    expect(html).toContain(`href="/articles/${SLUG}"`)
    const hostile = await (
      await get(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}`)
    ).text()
    expect(hostile).not.toContain('<script>alert(1)')
    expect(hostile).toContain('&lt;script&gt;')
    expect((await get('/search')).status).toBe(200)
  })

  it('ranks only the most recently stored matches when a query has more than the bound', async () => {
    expect(RANKED_MATCHES).toBe(1000)
    const ranked = async (candidates: number) =>
      (
        await searchArticles(createDb(env.DB), {
          query: 'haqqani',
          limit: 10,
          cursor: null,
          candidates,
        })
      ).items.map((i) => i.slug)
    // Stored in this order: the seed, the profile, the budget story.
    expect(await ranked(3)).toEqual(['haqqani-network-a-profile', SLUG, 'budget-talks-resume'])
    expect(await ranked(2)).toEqual(['haqqani-network-a-profile', 'budget-talks-resume'])
    expect(await ranked(1)).toEqual(['budget-talks-resume'])
  })

  it('forgets deleted articles at once', async () => {
    expect((await send('DELETE', `/api/articles/${SLUG}`, auth)).status).toBe(204)
    expect((await search('Rodriguez')).items).toEqual([])
    expect(await (await get('/search?q=categoric')).text()).not.toContain(`/articles/${SLUG}`)
  })
})
