import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { parseToken, signToken } from '../src/previews/token'
import { auth, call, ORIGIN, type Answer } from './helpers'

const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'
const HEADLINE = 'Islamabad won’t tolerate U.S. boots on the ground'

/** Uploads the seed (or a JSON article) with a status. */
async function store(query: string, body: string = seed, type = 'text/plain; charset=utf-8') {
  const res = await call(`/api/articles?${query}`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': type },
    body,
  })
  expect(res.status).toBeLessThan(300)
  return JSON.parse(res.body) as { id: string; slug: string; status: string }
}

const preview = (slug: string, query = '', headers: Record<string, string> = auth) =>
  call(`/api/articles/${slug}/preview${query}`, { method: 'POST', headers })

/** A link for the article, and its token. */
async function link(slug: string, query = '') {
  const res = await preview(slug, query)
  expect(res.status).toBe(201)
  const made = JSON.parse(res.body) as { url: string; expiresAt: string }
  return { ...made, token: made.url.slice(`${ORIGIN}/preview/`.length) }
}

const view = (token: string, headers: Record<string, string> = {}) =>
  call(`/preview/${token}`, { headers })

const errorOf = (answer: Answer) => JSON.parse(answer.body) as { error: { code: string } }

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

const articleElement = (html: string) => /<article>[\s\S]*<\/article>/.exec(html)?.[0]

/** The preview without what only a preview has: its robots meta and its banner. */
const withoutPreview = (html: string) =>
  html
    .replace('<meta name="robots" content="noindex, nofollow"/>', '')
    .replace(/<aside class="notice preview"[\s\S]*?<\/aside>/, '')

describe('a preview link', () => {
  it("shows a draft to whoever holds it, while the article's public page is 404", async () => {
    const draft = await store('status=draft')
    expect([draft.slug, draft.status]).toEqual([SLUG, 'draft'])
    const before = Date.now()
    const made = await link(SLUG)
    expect(made.url).toMatch(/^http:\/\/example\.test\/preview\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    // Seven days by default, to the second.
    const lasts = Date.parse(made.expiresAt) - Math.floor(before / 1000) * 1000
    expect(lasts === 7 * 24 * 3600 * 1000 || lasts === (7 * 24 * 3600 + 1) * 1000).toBe(true)
    expect(parseToken(made.token)!.claim.articleId).toBe(draft.id)

    const page = await view(made.token)
    expect(page.status).toBe(200)
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('Cache-Control')).toBe('private, no-store')
    expect(page.headers.get('X-Robots-Tag')).toBe('noindex')
    expect(page.headers.get('Referrer-Policy')).toBe('no-referrer')
    expect(page.headers.get('X-Cache')).toBeNull()
    expect(page.body).toContain('<meta name="robots" content="noindex, nofollow"/>')
    expect(page.body).toContain(
      '<aside class="notice preview" role="note" aria-label="Preview"><p><strong>Preview.</strong> This article is a draft: readers cannot see it.</p>',
    )
    expect(page.body).toContain(`<h1>${HEADLINE}</h1>`)

    const pub = await call(`/articles/${SLUG}`)
    expect(pub.status).toBe(404)
  })

  it('shows the article as it is now: once published, exactly the page readers get', async () => {
    const { token } = await link(SLUG)
    await store('status=published')
    const pub = await call(`/articles/${SLUG}`)
    expect(pub.status).toBe(200)
    const page = await view(token)
    expect(page.body).toContain(
      '<p><strong>Preview.</strong> This article is published; this is how it looks now.</p>',
    )
    expect(articleElement(page.body)).toBe(articleElement(pub.body))
    expect(articleElement(page.body)).toContain(`<h1>${HEADLINE}</h1>`)
    expect(withoutPreview(page.body)).toBe(pub.body)
  })

  it('says when a scheduled article goes out', async () => {
    const scheduled = await store(
      'status=scheduled&publishAt=2031-05-04T09:30:00Z',
      JSON.stringify({ title: 'KABUL: Talks resume', body: ['A paragraph.'] }),
      'application/json',
    )
    const page = await view((await link(scheduled.slug)).token)
    expect(page.status).toBe(200)
    expect(page.body).toContain(
      'This article is scheduled: readers see it from <time datetime="2031-05-04T09:30:00.000Z">4 May 2031 at 09:30 UTC</time>.',
    )
  })

  it('never lands in KV or any shared cache', async () => {
    const { token } = await link(SLUG)
    const keys = async () => (await env.PAGES.list()).keys.map((k) => k.name).sort()
    const before = await keys()
    for (let i = 0; i < 3; i++) {
      const page = await view(token)
      expect([page.status, page.headers.get('X-Cache')]).toEqual([200, null])
    }
    expect(await keys()).toEqual(before)
  })

  it('takes expiresIn, 60 s to 30 days', async () => {
    const before = Math.floor(Date.now() / 1000)
    const { expiresAt } = await link(SLUG, '?expiresIn=60')
    expect([60, 61]).toContain(Date.parse(expiresAt) / 1000 - before)
    for (const bad of ['59', '2592001', 'soon', '90.5']) {
      const res = await preview(SLUG, `?expiresIn=${bad}`)
      expect([bad, res.status, errorOf(res).error.code]).toEqual([bad, 400, 'invalid_request'])
    }
    expect((await preview(SLUG, '?expiresIn=2592000')).status).toBe(201)
  })

  it('is built on SITE_ORIGIN, never on the Host a request names', async () => {
    const res = await call(`http://attacker.example/api/articles/${SLUG}/preview`, {
      method: 'POST',
      headers: auth,
    })
    expect(res.status).toBe(201)
    expect(JSON.parse(res.body).url).toMatch(/^http:\/\/example\.test\/preview\//)
  })
})

describe('a preview link refused', () => {
  it('for no such article: 404', async () => {
    const res = await preview('no-such-article')
    expect([res.status, errorOf(res).error.code]).toEqual([404, 'not_found'])
  })

  it('once expired: 410 preview_expired, as a page to browsers', async () => {
    const { token } = await link(SLUG)
    const { claim } = parseToken(token)!
    const key = await env.DB.prepare('SELECT secret FROM preview_keys WHERE id = ?')
      .bind(claim.keyId)
      .first<{ secret: string }>()
    const expired = await signToken(key!.secret, {
      ...claim,
      expiresAt: Math.floor(Date.now() / 1000) - 1,
    })
    const json = await view(expired, { Accept: 'application/json' })
    expect([json.status, errorOf(json).error.code]).toEqual([410, 'preview_expired'])
    const page = await view(expired)
    expect(page.status).toBe(410)
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
    expect(page.body).toContain('<p class="kicker">Error 410</p>')
    expect(page.headers.get('Cache-Control')).toBe('private, no-store')
    expect(page.headers.get('Referrer-Policy')).toBe('no-referrer')
  })

  it('when tampered with: 403 invalid_preview', async () => {
    const { token } = await link(SLUG)
    const [head, tail] = token.split('.') as [string, string]
    const flip = (text: string, at: number) =>
      text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1)
    const { claim } = parseToken(token)!
    const forged = await signToken('A'.repeat(43), claim)
    const longer = await signToken('A'.repeat(43), { ...claim, expiresAt: claim.expiresAt + 1 })
    const tampered = [
      `${flip(head, 10)}.${tail}`,
      `${head}.${flip(tail, 20)}`,
      // The last character's unused low bits: atob would ignore them.
      `${head}.${tail.slice(0, -1)}${ALPHABET[ALPHABET.indexOf(tail[42]!) + 1]}`,
      `${longer.split('.')[0]}.${tail}`,
      forged,
      'AAAA.' + 'A'.repeat(43),
    ]
    for (const bad of tampered) {
      expect(bad).not.toBe(token)
      const res = await view(bad, { Accept: 'application/json' })
      expect([bad, res.status, errorOf(res).error.code]).toEqual([bad, 403, 'invalid_preview'])
    }
    // What cannot be a token at all is no page.
    const res = await view(`${token}x`, { Accept: 'application/json' })
    expect([res.status, errorOf(res).error.code]).toEqual([404, 'not_found'])
  })

  it('once the article is deleted: 404 not_found', async () => {
    const made = await store(
      'status=draft',
      JSON.stringify({ title: 'DRAFT: To be deleted', body: ['Soon gone.'] }),
      'application/json',
    )
    const { token } = await link(made.slug)
    expect((await view(token)).status).toBe(200)
    const deleted = await call(`/api/articles/${made.slug}`, { method: 'DELETE', headers: auth })
    expect(deleted.status).toBe(204)
    const res = await view(token, { Accept: 'application/json' })
    expect([res.status, errorOf(res).error.code]).toEqual([404, 'not_found'])
    const page = await view(token)
    expect([page.status, page.body.includes('<p class="kicker">Error 404</p>')]).toEqual([
      404,
      true,
    ])
  })

  it('after a re-key: 403 preview_revoked, while a new link works', async () => {
    const { token } = await link(SLUG)
    expect((await view(token)).status).toBe(200)
    const rekey = await call('/api/previews/rekey', { method: 'POST', headers: auth })
    expect([rekey.status, JSON.parse(rekey.body)]).toEqual([200, { retired: 1 }])
    const res = await view(token, { Accept: 'application/json' })
    expect(errorOf(res).error.code).toBe('preview_revoked')
    expect(res.status).toBe(403)
    const fresh = await link(SLUG)
    expect(parseToken(fresh.token)!.claim.keyId).not.toBe(parseToken(token)!.claim.keyId)
    expect((await view(fresh.token)).status).toBe(200)
    // Retired keys stay retired; only the current one is retired again.
    const again = await call('/api/previews/rekey', { method: 'POST', headers: auth })
    expect(JSON.parse(again.body)).toEqual({ retired: 1 })
    const rows = await env.DB.prepare(
      'SELECT count(*) AS n, count(retired_at) AS retired FROM preview_keys',
    ).first()
    expect(rows).toEqual({ n: 2, retired: 2 })
  })
})
