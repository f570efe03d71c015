import { describe, expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { get, upload } from './helpers'

const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'
const published = '?publishedAt=2011-09-22'

/** Every cached page the seed appears on, with the text it shows of the first paragraph. */
const PAGES = [
  `/articles/${SLUG}`,
  `/api/articles/${SLUG}`,
  '/',
  '/authors/alex-rodriguez',
  '/tags/pakistan',
  '/archive/2011/09',
  '/feed.xml',
  '/feed.json',
  '/authors/alex-rodriguez/feed.xml',
  '/tags/pakistan/feed.json',
  '/search?q=allegations',
]

describe('no page shows old text after an edit', () => {
  it('caches every page that shows the article', async () => {
    expect((await upload(seed, { query: published })).status).toBe(201)
    for (const path of PAGES) {
      const first = await get(path)
      expect(first.status, path).toBe(200)
      expect(first.headers.get('X-Cache'), path).toBe('MISS')
      expect(await first.text(), path).toContain('Thursday rejected')
      expect((await get(path)).headers.get('X-Cache'), path).toBe('HIT')
    }
    expect(await (await get('/sitemap.xml')).text()).toContain(`/articles/${SLUG}</loc>`)
  })

  it('re-renders every one of them after the edit, and shows only the new text', async () => {
    const edited = seed.replace('on Thursday rejected', 'on Wednesday rejected')
    expect((await upload(edited, { query: published })).status).toBe(200)
    for (const path of PAGES) {
      const res = await get(path)
      expect(res.headers.get('X-Cache'), path).toBe('MISS')
      const body = await res.text()
      expect(body, path).not.toContain('Thursday rejected')
      expect(body, path).toContain('Wednesday rejected')
    }
  })

  it('moves the article between archive months when its date changes', async () => {
    const moved = seed.replace('on Thursday rejected', 'on Wednesday rejected')
    expect((await upload(moved, { query: '?publishedAt=2011-10-01' })).status).toBe(200)
    expect(await (await get('/archive/2011/09')).text()).not.toContain(`/articles/${SLUG}`)
    expect(await (await get('/archive/2011/10')).text()).toContain(`/articles/${SLUG}`)
  })
})
