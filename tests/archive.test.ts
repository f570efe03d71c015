import { describe, expect, it } from 'vitest'
import { get, upload } from './helpers'

/** A dated article, or an undated one (`publishedAt: null`), with an optional status. */
async function store(title: string, publishedAt: string | null, status?: string) {
  const body = JSON.stringify({
    title,
    body: [`${title}: the paragraph.`],
    authors: ['Ines Archivist'],
    ...(publishedAt && { publishedAt }),
    ...(status && { status }),
  })
  const res = await upload(body, { type: 'application/json' })
  expect(res.status).toBe(201)
  return ((await res.json()) as { slug: string }).slug
}

const slugsOf = async (path: string) =>
  (
    (await (await get(path, { Accept: 'application/json' })).json()) as {
      items: { slug: string }[]
    }
  ).items.map((i) => i.slug)

describe('the archive by month', () => {
  it('lists the months with published articles, newest first, and no draft’s month', async () => {
    await store('Monsoon ledger', '2011-06-02')
    await store('Harvest ledger', '2011-09-22')
    await store('Winter ledger', '2012-01-15')
    await store('Secret ledger', '2013-03-01', 'draft')
    await store('Undated ledger', null)
    const res = await get('/archive')
    expect(res.status).toBe(200)
    const html = await res.text()
    const months = [...html.matchAll(/<a href="(\/archive\/\d{4}\/\d{2})">([^<]+)<\/a>/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    )
    expect(months).toEqual([
      '/archive/2012/01 January 2012',
      '/archive/2011/09 September 2011',
      '/archive/2011/06 June 2011',
    ])
    expect(html).not.toContain('2013')
    expect((await get('/archive')).headers.get('X-Cache')).toBe('HIT')
  })

  it('links a month to the nearest earlier and later months that have articles', async () => {
    const html = await (await get('/archive/2011/09')).text()
    expect(html).toContain(
      '<nav class="pager" aria-label="Other months"><a href="/archive/2011/06">← June 2011</a>' +
        '<a href="/archive">All months</a><a href="/archive/2012/01">January 2012 →</a></nav>',
    )
    const first = await (await get('/archive/2011/06')).text()
    expect(first).toContain(
      '<nav class="pager" aria-label="Other months"><a href="/archive">All months</a>' +
        '<a href="/archive/2011/09">September 2011 →</a></nav>',
    )
  })

  it('updates the links, and the archive, when a write adds a month between', async () => {
    expect((await get('/archive/2011/09')).headers.get('X-Cache')).toBe('HIT')
    await store('Autumn ledger', '2011-11-05')
    const html = await (await get('/archive/2011/09')).text()
    expect(html).toContain('<a href="/archive/2011/11">November 2011 →</a>')
    expect(await (await get('/archive')).text()).toContain('<a href="/archive/2011/11">')
  })

  it('lists undated articles after every dated one, in no month', async () => {
    expect(await slugsOf('/authors/ines-archivist')).toEqual([
      'winter-ledger',
      'autumn-ledger',
      'harvest-ledger',
      'monsoon-ledger',
      'undated-ledger',
    ])
  })
})
