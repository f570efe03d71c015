import { describe, expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { listing, searchResults } from '../src/model/api'
import { get, upload } from './helpers'

// Every listing says how long each article takes to read, in the article page's words, from the
// word count its listing query already reads.

const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'

describe('reading time in listings', () => {
  it('is on the index, author, tag, month and search pages, as the article page says it', async () => {
    const res = await upload(seed, { query: '?publishedAt=2011-09-22' })
    expect(res.status).toBe(201)
    const { wordCount, readingMinutes } = (await res.json()) as {
      wordCount: number
      readingMinutes: number
    }
    expect(readingMinutes).toBe(Math.ceil(wordCount / 230))
    expect(readingMinutes).toBe(3)

    const article = await (await get(`/articles/${SLUG}`)).text()
    expect(article).toContain(
      '<p class="meta"><time datetime="2011-09-22">22 September 2011</time> · 3 min read</p>',
    )
    const meta =
      '<p class="meta">By <a href="/authors/alex-rodriguez" rel="author">Alex Rodriguez</a> · ' +
      '<time datetime="2011-09-22">22 September 2011</time> · 3 min read</p>'
    for (const path of [
      '/',
      '/authors/alex-rodriguez',
      '/tags/pakistan',
      '/archive/2011/09',
      '/search?q=Haqqani',
    ]) {
      const page = await get(path)
      expect(page.status, path).toBe(200)
      expect(await page.text(), path).toContain(meta)
    }

    // The API's listings and search results carry it too.
    const listed = listing.parse(await (await get('/api/articles')).json())
    expect(listed.items.map((i) => [i.slug, i.readingMinutes])).toEqual([[SLUG, 3]])
    const found = searchResults.parse(await (await get('/api/search?q=Haqqani')).json())
    expect(found.items.map((i) => [i.slug, i.readingMinutes])).toEqual([[SLUG, 3]])
  })
})
