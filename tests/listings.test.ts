import { describe, expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { get, upload } from './helpers'

const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'
const json = { Accept: 'application/json' }

describe('author and tag listings follow every write', () => {
  it('lists the seed under its author and its kicker tag, cached after the first read', async () => {
    expect((await upload(seed)).status).toBe(201)
    for (const path of ['/authors/alex-rodriguez', '/tags/pakistan']) {
      const first = await get(path)
      expect(first.status).toBe(200)
      expect(first.headers.get('X-Cache')).toBe('MISS')
      const html = await first.text()
      expect(html).toContain(`href="/articles/${SLUG}"`)
      expect((await get(path)).headers.get('X-Cache')).toBe('HIT')
    }
    const heading = await (await get('/authors/alex-rodriguez')).text()
    expect(heading).toContain('<h1>Alex Rodriguez</h1>')
  })

  it('answers JSON for the same URLs and under /api', async () => {
    const byAuthor = (await (await get('/api/authors/alex-rodriguez')).json()) as {
      author: { name: string; slug: string }
      items: { slug: string }[]
      nextCursor: string | null
    }
    expect(byAuthor.author).toEqual({ name: 'Alex Rodriguez', slug: 'alex-rodriguez' })
    expect(byAuthor.items.map((i) => i.slug)).toEqual([SLUG])
    expect(byAuthor.nextCursor).toBeNull()
    const negotiated = await (await get('/tags/pakistan', json)).json()
    expect(negotiated).toEqual({
      tag: { name: 'PAKISTAN', slug: 'pakistan' },
      items: byAuthor.items,
      nextCursor: null,
    })
  })

  it('moves the article between author pages when its byline changes', async () => {
    const edited = seed.replace('-- Alex Rodriguez', '-- Jane Doe and Alex Rodriguez')
    expect((await upload(edited)).status).toBe(200)
    const alex = await get('/authors/alex-rodriguez')
    expect(alex.headers.get('X-Cache')).toBe('MISS')
    const jane = await (await get('/authors/jane-doe')).text()
    expect(jane).toContain(`href="/articles/${SLUG}"`)
    expect(jane).toContain('Jane Doe')

    const dropped = seed.replace('-- Alex Rodriguez', '-- Jane Doe')
    expect((await upload(dropped)).status).toBe(200)
    expect(await (await get('/authors/alex-rodriguez')).text()).not.toContain(`/articles/${SLUG}`)
    expect(await (await get('/authors/jane-doe')).text()).toContain(`/articles/${SLUG}`)
  })

  it('404s an unknown author or tag in HTML and JSON', async () => {
    expect((await get('/authors/nobody')).status).toBe(404)
    expect((await get('/tags/nothing', json)).status).toBe(404)
    expect((await get('/api/authors/nobody')).status).toBe(404)
    expect((await get('/api/tags/NOT_A_SLUG')).status).toBe(404)
  })

  it('paginates the front page with an opaque cursor', async () => {
    for (let i = 1; i <= 3; i++) {
      const body = JSON.stringify({
        title: `Story number ${i}`,
        body: [`Paragraph of story ${i}.`],
        publishedAt: `2020-01-0${i}`,
      })
      expect((await upload(body, { type: 'application/json' })).status).toBe(201)
    }
    const first = (await (await get('/api/articles?limit=2')).json()) as {
      items: { slug: string }[]
      nextCursor: string
    }
    // The seed has no date: it lists after every dated article, however recently it was uploaded.
    expect(first.items.map((i) => i.slug)).toEqual(['story-number-3', 'story-number-2'])
    const second = (await (
      await get(`/api/articles?limit=2&cursor=${first.nextCursor}`)
    ).json()) as {
      items: { slug: string }[]
      nextCursor: string | null
    }
    expect(second.items.map((i) => i.slug)).toEqual(['story-number-1', SLUG])
    expect(second.nextCursor).toBeNull()
  })
})
