import { describe, expect, it } from 'vitest'
import { auth, call, upload } from './helpers'

const SOURCE = 'https://harbour.example/2026/ferry-timetable'

async function store(body: string[], status?: string) {
  const res = await upload(
    JSON.stringify({
      title: 'CITY: Ferry timetable changes on Monday',
      body,
      publishedAt: '2026-11-02T08:00:00Z',
      sourceUrl: SOURCE,
      ...(status ? { status } : {}),
    }),
    { type: 'application/json' },
  )
  expect(res.status).toBeLessThan(300)
  return (await res.json()) as { slug: string; revision: number }
}

const setStatus = (slug: string, status: string) =>
  call(`/api/articles/${slug}`, {
    method: 'PATCH',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ status }),
  })

const page = (path: string) => call(path, { headers: { Accept: 'text/html' } })

describe('old versions as pages', () => {
  it('lists the published versions, shows an earlier one marked as such, and hides drafts', async () => {
    await store(['The first ferry leaves at 6:10.'])
    const { slug, revision } = await store(['The first ferry leaves at 6:40 from Monday.'])
    expect(revision).toBe(2)

    const current = await page(`/articles/${slug}`)
    expect(current.body).toContain(`<a href="/articles/${slug}/revisions">Earlier versions</a>`)

    const history = await page(`/articles/${slug}/revisions`)
    expect(history.status).toBe(200)
    expect(history.body).toContain('<meta name="robots" content="noindex, follow"/>')
    expect(history.body).toContain(`<a href="/articles/${slug}">Revision 2</a> (current)`)
    expect(history.body).toContain(`<a href="/articles/${slug}/revisions/1">Revision 1</a>`)
    expect(history.body).toContain(`href="/api/articles/${slug}/diff?from=1&amp;to=2"`)

    const first = await page(`/articles/${slug}/revisions/1`)
    expect(first.status).toBe(200)
    expect(first.headers.get('X-Cache')).toBe('MISS')
    expect(first.body).toContain('<strong>An earlier version.</strong> This is revision 1')
    expect(first.body).toContain('<meta name="robots" content="noindex, nofollow"/>')
    expect(first.body).toContain(
      `<link rel="canonical" href="http://example.test/articles/${slug}"/>`,
    )
    expect(first.body).toContain('The first ferry leaves at 6:10.')
    expect(first.body).not.toContain('6:40')
    expect(first.body).not.toContain('>Earlier versions</a>')
    expect((await page(`/articles/${slug}/revisions/1`)).headers.get('X-Cache')).toBe('HIT')
    // Never the current page: that still shows revision 2.
    expect((await page(`/articles/${slug}`)).body).toContain('6:40 from Monday')

    // A draft revision is no reader's: absent from the history, its page a 404.
    expect((await setStatus(slug, 'draft')).status).toBe(200)
    expect((await page(`/articles/${slug}/revisions`)).status).toBe(404)
    expect((await page(`/articles/${slug}/revisions/1`)).status).toBe(404)
    expect((await setStatus(slug, 'published')).status).toBe(200)
    const after = await page(`/articles/${slug}/revisions`)
    expect([...after.body.matchAll(/>Revision (\d+)</g)].map((m) => Number(m[1]))).toEqual([
      4, 2, 1,
    ])
    expect((await page(`/articles/${slug}/revisions/3`)).status).toBe(404)
    expect((await page(`/articles/${slug}/revisions/1`)).status).toBe(200)
  })

  it('answers 404 for what cannot be a version, as a page or as JSON', async () => {
    const { slug } = await store(['The first ferry leaves at 6:40 from Monday.'])
    for (const n of ['0', '99', 'abc', '1e3']) {
      const res = await page(`/articles/${slug}/revisions/${n}`)
      expect([n, res.status, res.headers.get('Content-Type')]).toEqual([
        n,
        404,
        'text/html; charset=UTF-8',
      ])
    }
    const json = await call(`/articles/${slug}/revisions/99`, {
      headers: { Accept: 'application/json' },
    })
    expect([json.status, JSON.parse(json.body)]).toEqual([
      404,
      { error: { code: 'not_found', message: 'No such version.' } },
    ])
    expect((await page('/articles/no-such-article/revisions')).status).toBe(404)
  })
})
