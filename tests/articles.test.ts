import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { auth, call, get, send, storageSnapshot, upload } from './helpers'

const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'
const FIRST = 'Pakistan on Thursday rejected Washington’s allegations'

describe('the seed article, end to end', () => {
  it('is created from archive text with every field normalized', async () => {
    const res = await upload(seed)
    expect(res.status).toBe(201)
    expect(res.headers.get('Location')).toBe(`/articles/${SLUG}`)
    expect(res.headers.get('X-Ingest-Result')).toBe('created')
    const a = (await res.json()) as Record<string, any>
    expect(a.slug).toBe(SLUG)
    expect(a.url).toBe(`/articles/${SLUG}`)
    expect(a.title).toBe('PAKISTAN: Islamabad won’t tolerate U.S. boots on the ground')
    expect(a.headline).toBe('Islamabad won’t tolerate U.S. boots on the ground')
    expect(a.kicker).toBe('PAKISTAN')
    expect(a.dateline).toBe('ISLAMABAD, PAKISTAN')
    expect(a.authors).toEqual([{ name: 'Alex Rodriguez', slug: 'alex-rodriguez' }])
    expect(a.tags).toEqual([{ name: 'PAKISTAN', slug: 'pakistan' }])
    expect(a.body).toHaveLength(12)
    expect(a.body[0].type).toBe('paragraph')
    expect(a.body[0].text.startsWith(FIRST)).toBe(true)
    expect(a.body[11].text).toBe(
      'U.S. officials in Washington this week signaled that aid may be in jeopardy if Pakistan doesn’t abandon what many in the U.S. see is a strategy of battling some militant groups while backing or ignoring others. The Senate Appropriations Committee backed a funding package that set aside $1 billion for the Pakistan Counterinsurgency Capability Fund, but conditioned the aid on Pakistan’s cooperation in the fight against Haqqani and other militant groups.',
    )
    expect(a.related).toEqual([
      { title: 'U.N.: Iran’s Mahmoud Ahmadinejad speaks; many diplomats walk out', url: null },
      { title: 'Taliban offshoot blamed for assault on U.S. Embassy in Kabul', url: null },
      { title: 'In Afghanistan, tie between 9/11 and the war often gets lost', url: null },
    ])
    expect(a.notices).toEqual([
      'This article was originally on a blog post platform and may be missing photos, graphics or links. See About archive blog posts.',
    ])
    expect(a.captions).toEqual([])
    expect(a.revision).toBe(1)
    expect(a.publishedAt).toBeNull()
    expect(a.source.format).toBe('text')
    expect(a.source.url).toBeNull()
    expect(a.source.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(a.wordCount).toBeGreaterThan(600)
    expect(a.readingMinutes).toBe(Math.ceil(a.wordCount / 230))
    expect(a.summary.startsWith(FIRST)).toBe(true)
  })

  it('stores authors, tags, paragraphs and related headlines as rows', async () => {
    const q = (sql: string) =>
      env.DB.prepare(sql)
        .all()
        .then((r) => r.results)
    expect(await q('SELECT slug, name FROM authors')).toEqual([
      { slug: 'alex-rodriguez', name: 'Alex Rodriguez' },
    ])
    expect(await q('SELECT slug, name FROM tags')).toEqual([{ slug: 'pakistan', name: 'PAKISTAN' }])
    expect(await q('SELECT count(*) AS n FROM blocks')).toEqual([{ n: 12 }])
    expect(await q('SELECT position, title FROM related ORDER BY position')).toHaveLength(3)
  })

  it('serves the same article from the JSON API and by content negotiation', async () => {
    const api = (await (await get(`/api/articles/${SLUG}`)).json()) as { headline: string }
    expect(api.headline).toBe('Islamabad won’t tolerate U.S. boots on the ground')
    const negotiated = await get(`/articles/${SLUG}`, { Accept: 'application/json' })
    expect(negotiated.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(negotiated.headers.get('Vary')).toBe('Accept')
    expect(await negotiated.json()).toEqual(api)
    // Media types are case-insensitive; a browser's Accept prefers HTML over its */*.
    const shouted = await get(`/articles/${SLUG}`, { Accept: 'Application/JSON' })
    expect(shouted.headers.get('Content-Type')).toMatch(/^application\/json/)
    // (On a missing article, so the page stays unrendered for the next test.)
    const browser = await get('/articles/no-such-article', {
      Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    })
    expect(browser.headers.get('Content-Type')).toMatch(/^text\/html/)
    const ranked = await get(`/articles/${SLUG}`, {
      Accept: 'text/html;q=0.5, application/json',
    })
    expect(ranked.headers.get('Content-Type')).toMatch(/^application\/json/)
  })

  it('renders the page once, then serves it from KV with a strong ETag', async () => {
    // In the test's own context, so the KV write has finished before the next view.
    const first = await call(`/articles/${SLUG}`)
    expect(first.status).toBe(200)
    expect(first.headers.get('X-Cache')).toBe('MISS')
    expect(first.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(first.headers.get('Vary')).toBe('Accept')
    const html = first.body
    expect(html).toContain('<h1>Islamabad won’t tolerate U.S. boots on the ground</h1>')
    expect(html).toContain('Alex Rodriguez')
    const etag = first.headers.get('ETag')!
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)

    const second = await get(`/articles/${SLUG}`)
    expect(second.headers.get('X-Cache')).toBe('HIT')
    expect(second.headers.get('ETag')).toBe(etag)
    expect(await second.text()).toBe(html)

    const revalidated = await get(`/articles/${SLUG}`, { 'If-None-Match': etag })
    expect(revalidated.status).toBe(304)
    expect(await revalidated.text()).toBe('')
  })

  it('changes nothing when the same upload comes again', async () => {
    const before = await storageSnapshot()
    const res = await upload(seed)
    expect(res.status).toBe(200)
    expect(res.headers.get('X-Ingest-Result')).toBe('unchanged')
    expect(((await res.json()) as { revision: number }).revision).toBe(1)
    expect(await storageSnapshot()).toEqual(before)
    expect((await get(`/articles/${SLUG}`)).headers.get('X-Cache')).toBe('HIT')
  })

  it('makes revision 2 for an edit, keeps revision 1, and shows the new text at once', async () => {
    const edited = seed.replace('Pakistan on Thursday rejected', 'Pakistan on Friday rejected')
    const res = await upload(edited)
    expect(res.status).toBe(200)
    expect(res.headers.get('X-Ingest-Result')).toBe('updated')
    expect(((await res.json()) as { revision: number }).revision).toBe(2)

    const page = await get(`/articles/${SLUG}`)
    expect(page.headers.get('X-Cache')).toBe('MISS')
    const html = await page.text()
    expect(html).toContain('Pakistan on Friday rejected')
    expect(html).not.toContain('Pakistan on Thursday rejected')

    const revisions = (await (await get(`/api/articles/${SLUG}/revisions`)).json()) as {
      items: { revision: number; reason: string }[]
    }
    expect(revisions.items.map((r) => [r.revision, r.reason])).toEqual([
      [2, 'upload'],
      [1, 'upload'],
    ])
    const original = await get(`/api/articles/${SLUG}/source?revision=1`)
    expect(original.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(await original.text()).toBe(seed)
    expect(await (await get(`/api/articles/${SLUG}/source`)).text()).toBe(edited)
  })

  it('re-normalizes from the stored source without a new revision when nothing changed', async () => {
    const res = await send('POST', `/api/articles/${SLUG}/renormalize`, auth)
    expect(res.status).toBe(200)
    expect(res.headers.get('X-Ingest-Result')).toBe('unchanged')
    expect(((await res.json()) as { revision: number }).revision).toBe(2)
  })

  it('lists the article on the index page and in the JSON listing', async () => {
    const list = (await (await get('/api/articles')).json()) as {
      items: { slug: string; authors: unknown }[]
      nextCursor: string | null
    }
    expect(list.items.map((i) => i.slug)).toEqual([SLUG])
    expect(list.items[0]!.authors).toEqual([{ name: 'Alex Rodriguez', slug: 'alex-rodriguez' }])
    expect(list.nextCursor).toBeNull()
    // The next test finds this page cached: the KV write finishes before this call returns.
    const index = await call('/')
    expect(index.body).toContain(`href="/articles/${SLUG}"`)
  })

  it('deletes: every page and JSON route answers 404 afterwards, the index drops it', async () => {
    expect((await get('/')).headers.get('X-Cache')).toBe('HIT')
    const res = await send('DELETE', `/api/articles/${SLUG}`, auth)
    expect(res.status).toBe(204)
    for (const path of [
      `/articles/${SLUG}`,
      `/api/articles/${SLUG}`,
      `/api/articles/${SLUG}/revisions`,
      `/api/articles/${SLUG}/source`,
    ]) {
      expect((await get(path)).status, path).toBe(404)
    }
    expect((await get(`/articles/${SLUG}`, { Accept: 'application/json' })).status).toBe(404)
    const index = await get('/')
    expect(index.headers.get('X-Cache')).toBe('MISS')
    expect(await index.text()).not.toContain(`/articles/${SLUG}`)
    expect((await send('DELETE', `/api/articles/${SLUG}`, auth)).status).toBe(404)
  })

  it('restores a deleted article as a new revision when it is uploaded again', async () => {
    const res = await upload(seed)
    expect(res.status).toBe(201)
    expect(((await res.json()) as { revision: number }).revision).toBe(3)
    expect((await get(`/articles/${SLUG}`)).status).toBe(200)
  })
})

describe('history, a page at a time', () => {
  it('pages 25 revisions newest first, 20 then 5, and refuses a cursor it did not make', async () => {
    const body = (i: number) =>
      JSON.stringify({ title: 'HISTORY: Twenty-five edits', body: [`Edit ${i}.`] })
    for (let i = 1; i <= 25; i++) {
      expect((await upload(body(i), { type: 'application/json' })).status).toBe(i === 1 ? 201 : 200)
    }
    const path = '/api/articles/history-twenty-five-edits/revisions'
    const first = (await (await get(path)).json()) as {
      items: { revision: number }[]
      nextCursor: string
    }
    expect(first.items.map((r) => r.revision)).toEqual(Array.from({ length: 20 }, (_, i) => 25 - i))
    const second = (await (
      await get(`${path}?cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json()) as { items: { revision: number }[]; nextCursor: string | null }
    expect(second.items.map((r) => r.revision)).toEqual([5, 4, 3, 2, 1])
    expect(second.nextCursor).toBeNull()
    const all = (await (await get(`${path}?limit=100`)).json()) as { items: unknown[] }
    expect(all.items).toHaveLength(25)
    const forged = await get(`${path}?cursor=WzBd`)
    expect(forged.status).toBe(400)
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('invalid_cursor')
  })
})
