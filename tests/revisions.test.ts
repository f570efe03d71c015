import { describe, expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { revisionArticle, revisionDiff } from '../src/model/revisions'
import { auth, get, send, upload } from './helpers'

const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'
const API = `/api/articles/${SLUG}`
const FIRST =
  'Pakistan on Thursday rejected Washington’s allegations that it maintains links with the militant Haqqani network and warned that it would not tolerate any ground operation to hunt down members of the group.'
/** The seed with one word of its first paragraph edited, as an editor would re-upload it. */
const EDITED = seed.replace('Pakistan on Thursday', 'Pakistan on Friday')

const revision = async (path: string, headers: Record<string, string> = {}) => {
  const res = await get(path, headers)
  expect(res.status).toBe(200)
  return revisionArticle.parse(await res.json())
}

describe('the seed and one edit of it', () => {
  it('stores two revisions', async () => {
    expect((await upload(seed)).status).toBe(201)
    const edited = await upload(EDITED)
    expect([edited.status, edited.headers.get('X-Ingest-Result')]).toEqual([200, 'updated'])
  })

  it('reads each revision’s normalized article', async () => {
    const first = await revision(`${API}/revisions/1`)
    expect(first).toMatchObject({ revision: 1, reason: 'upload', status: 'published' })
    expect(first.publishAt).toBeNull()
    expect(first.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/)
    expect(first.article.title).toBe('PAKISTAN: Islamabad won’t tolerate U.S. boots on the ground')
    expect(first.article.body[0]).toEqual({ type: 'paragraph', text: FIRST })
    expect(first.article.sourceUrl).toBeNull()
    const second = await revision(`${API}/revisions/2`)
    expect(second.revision).toBe(2)
    expect(second.article.body[0]).toEqual({
      type: 'paragraph',
      text: FIRST.replace('Thursday', 'Friday'),
    })
    expect(second.article.body.slice(1)).toEqual(first.article.body.slice(1))
  })

  it('diffs them as JSON: the summary and the one word, the other 11 paragraphs unchanged', async () => {
    const [first, second] = [
      await revision(`${API}/revisions/1`),
      await revision(`${API}/revisions/2`),
    ]
    const res = await get(`${API}/diff?from=1`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/json')
    expect(res.headers.get('Vary')).toBe('Accept')
    const rest = FIRST.slice('Pakistan on Thursday'.length)
    const words = [
      { op: 'same', text: 'Pakistan on ' },
      { op: 'removed', text: 'Thursday' },
      { op: 'added', text: 'Friday' },
      { op: 'same', text: rest },
    ]
    const meta = ({ fingerprint: _, article: __, ...m }: typeof first) => m
    expect(revisionDiff.parse(await res.json())).toEqual({
      slug: SLUG,
      from: meta(first),
      to: meta(second),
      fields: [{ field: 'summary', from: FIRST, to: FIRST.replace('Thursday', 'Friday'), words }],
      body: [
        { change: 'changed', from: 0, to: 0, type: 'paragraph', words },
        ...Array.from({ length: 11 }, (_, i) => ({ change: 'unchanged', from: i + 1, to: i + 1 })),
      ],
    })
    // `to` named: the same answer; a revision with itself: nothing changed.
    expect(await (await get(`${API}/diff?from=1&to=2`)).json()).toEqual(
      await (await get(`${API}/diff?from=1`)).json(),
    )
    const same = (await (await get(`${API}/diff?from=2&to=2`)).json()) as { fields: unknown[] }
    expect(same.fields).toEqual([])
  })

  it('restores revision 1 as revision 3, keeping all three in the history', async () => {
    const res = await send('POST', `${API}/revisions/1/restore`, auth)
    expect(res.status).toBe(200)
    expect(res.headers.get('X-Ingest-Result')).toBe('updated')
    expect(res.headers.get('ETag')).toMatch(/^"r3-[0-9a-f]{16}"$/)
    const article = (await res.json()) as { revision: number; body: { text: string }[] }
    expect(article.revision).toBe(3)
    expect(article.body[0]!.text).toBe(FIRST)
    const history = (await (await get(`${API}/revisions`)).json()) as {
      items: { revision: number; reason: string }[]
    }
    expect(history.items.map((r) => [r.revision, r.reason])).toEqual([
      [3, 'restore'],
      [2, 'upload'],
      [1, 'upload'],
    ])
    const [first, third] = [
      await revision(`${API}/revisions/1`),
      await revision(`${API}/revisions/3`),
    ]
    expect(third.article).toEqual(first.article)
    expect(third.reason).toBe('restore')
    // What is current again is nothing new.
    const again = await send('POST', `${API}/revisions/3/restore`, auth)
    expect([again.status, again.headers.get('X-Ingest-Result')]).toEqual([200, 'unchanged'])
  })

  it('refuses a restore whose If-Match names an earlier revision: 412, nothing written', async () => {
    const res = await send('POST', `${API}/revisions/2/restore`, { ...auth, 'If-Match': '"r2"' })
    expect(res.status).toBe(412)
    const current = (await (await get(API)).json()) as { revision: number }
    expect(current.revision).toBe(3)
    const ok = await send('POST', `${API}/revisions/2/restore`, { ...auth, 'If-Match': '"r3"' })
    expect([ok.status, ok.headers.get('X-Ingest-Result')]).toEqual([200, 'updated'])
  })

  it('shows editors the diff as a page, escaping what the text holds', async () => {
    const title = 'KABUL: Embassy attack <script>alert(1)</script> blamed on Haqqani network'
    const text = (body: string) => `${title}\n\n${body}\n\n-- Alex Rodriguez\n`
    const created = await upload(text('Insurgents fired <b>rockets</b> at the embassy.'))
    expect(created.status).toBe(201)
    const slug = created.headers.get('Location')!.replace('/articles/', '')
    expect(slug).toBe('kabul-embassy-attack-script-alert-1-script-blamed-on-haqqani-network')
    expect(
      (await upload(text('Insurgents fired <script>x()</script> at the embassy.'))).status,
    ).toBe(200)
    const res = await get(`/api/articles/${slug}/diff?from=1`, { Accept: 'text/html' })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    const page = await res.text()
    expect(page).not.toContain('<script>')
    expect(page).not.toContain('<b>')
    expect(page).toContain(
      '<p>Insurgents fired <del>&lt;b&gt;rockets&lt;/b&gt;</del><ins>&lt;script&gt;x()&lt;/script&gt;</ins> at the embassy.</p>',
    )
    expect(page).toContain('Embassy attack &lt;script&gt;alert(1)&lt;/script&gt; blamed')
  })
})

describe('not found', () => {
  const cases: [string, string, Record<string, string>][] = [
    ['GET', '/api/articles/no-such-article/revisions/1', {}],
    ['GET', '/api/articles/no-such-article/diff?from=1', {}],
    ['POST', '/api/articles/no-such-article/revisions/1/restore', auth],
    ['GET', `${API}/revisions/99`, {}],
    ['GET', `${API}/diff?from=99`, {}],
    ['GET', `${API}/diff?from=1&to=99`, {}],
    ['POST', `${API}/revisions/99/restore`, auth],
    ['GET', `${API}/revisions/0`, {}],
  ]
  for (const [method, path, headers] of cases) {
    it(`${method} ${path}: 404 not_found`, async () => {
      const res = await send(method, path, headers)
      expect(res.status).toBe(404)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found')
    })
  }

  it('answers a browser’s 404 on the diff as a page, and a missing from as 400', async () => {
    const page = await get('/api/articles/no-such-article/diff?from=1', { Accept: 'text/html' })
    expect([page.status, page.headers.get('Content-Type')]).toEqual([
      404,
      'text/html; charset=UTF-8',
    ])
    expect(await page.text()).toContain('<p class="kicker">Error 404</p>')
    const missing = await get(`${API}/diff`)
    expect(missing.status).toBe(400)
    expect(await missing.json()).toMatchObject({ error: { code: 'invalid_request' } })
  })

  it('restores only with the token', async () => {
    const res = await send('POST', `${API}/revisions/1/restore`)
    expect(res.status).toBe(401)
  })
})

describe('drafts', () => {
  const title = 'AFGHANISTAN: Taliban offshoot blamed for assault on U.S. Embassy in Kabul'
  const slug = 'afghanistan-taliban-offshoot-blamed-for-assault-on-us-embassy-in-kabul'
  const text = (body: string) => `${title}\n\n${body}\n\n-- Alex Rodriguez\n`

  it('hides every revision of a draft from readers, and shows them with the token', async () => {
    expect(
      (await upload(text('The attack lasted 20 hours.'), { query: '?status=draft' })).status,
    ).toBe(201)
    expect((await upload(text('The attack lasted 19 hours.'))).status).toBe(200)
    for (const path of [`/revisions/1`, `/revisions/2`, `/diff?from=1`]) {
      expect((await get(`/api/articles/${slug}${path}`)).status).toBe(404)
      const res = await get(`/api/articles/${slug}${path}`, auth)
      expect(res.status).toBe(200)
      expect(res.headers.get('Cache-Control')).toBe('private, no-store')
    }
    expect((await revision(`/api/articles/${slug}/revisions/2`, auth)).status).toBe('draft')
  })

  it('once published, shows readers the published revisions only', async () => {
    const published = await upload(text('The attack lasted 19 hours.'), {
      query: '?status=published',
    })
    expect(published.status).toBe(200)
    expect((await revision(`/api/articles/${slug}/revisions/3`)).status).toBe('published')
    expect((await get(`/api/articles/${slug}/revisions/2`)).status).toBe(404)
    expect((await get(`/api/articles/${slug}/diff?from=2`)).status).toBe(404)
    const diff = await get(`/api/articles/${slug}/diff?from=2&to=3`, auth)
    expect(((await diff.json()) as { fields: unknown[] }).fields).toEqual([
      { field: 'status', from: 'draft', to: 'published' },
    ])
  })
})
