import { describe, expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { auth, get, send, storageSnapshot, upload } from './helpers'

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status)
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/)
  const body = (await res.json()) as { error: { code: string; message: string } }
  expect(body.error.code).toBe(code)
  expect(body.error.message.length).toBeGreaterThan(5)
  return body.error
}

describe('bad uploads answer a 4xx JSON error and write nothing', () => {
  const cases: [string, () => Promise<Response>, number, string][] = [
    [
      'malformed JSON',
      () => upload('{"title": "x", ', { type: 'application/json' }),
      400,
      'invalid_json',
    ],
    [
      'a JSON field of the wrong type',
      () => upload(JSON.stringify({ title: 'A title', body: 42 }), { type: 'application/json' }),
      400,
      'invalid_field',
    ],
    [
      'an unknown JSON field',
      () =>
        upload(JSON.stringify({ title: 'A title', body: 'Text.', autors: ['A'] }), {
          type: 'application/json',
        }),
      400,
      'invalid_field',
    ],
    [
      'invalid UTF-8',
      () => upload(new Uint8Array([0x54, 0x69, 0xff, 0xfe, 0x0a])),
      400,
      'invalid_encoding',
    ],
    [
      'a malformed Content-Length',
      () => upload(seed, { headers: { 'Content-Length': 'ten' } }),
      400,
      'invalid_content_length',
    ],
    [
      'a bad publishedAt',
      () => upload(seed, { query: '?publishedAt=yesterday' }),
      400,
      'invalid_field',
    ],
    [
      'a non-http sourceUrl',
      () => upload(seed, { query: '?sourceUrl=javascript:alert(1)' }),
      400,
      'invalid_field',
    ],
    ['no token', () => upload(seed, { token: null }), 401, 'unauthorized'],
    ['a wrong token', () => upload(seed, { token: 'test-tokeN' }), 401, 'unauthorized'],
    ['a body over the limit', () => upload('x'.repeat(1024 * 1024 + 1)), 413, 'payload_too_large'],
    [
      'no Content-Type',
      () => upload(new TextEncoder().encode(seed), { type: null }),
      415,
      'unsupported_media_type',
    ],
    [
      'an unsupported Content-Type',
      () => upload(seed, { type: 'application/pdf' }),
      415,
      'unsupported_media_type',
    ],
    [
      'a charset the Encoding Standard does not name',
      () => upload(seed, { type: 'text/plain; charset=x-klingon' }),
      415,
      'unsupported_charset',
    ],
    ['an empty body', () => upload(''), 422, 'missing_title'],
    ['a title with no body', () => upload('JUST: A title\n\n\n'), 422, 'empty_body'],
    [
      'a JSON article without a title',
      () => upload(JSON.stringify({ title: '  ', body: ['Text.'] }), { type: 'application/json' }),
      422,
      'missing_title',
    ],
  ]

  for (const [name, request, status, code] of cases) {
    it(`${name} → ${status} ${code}`, async () => {
      const before = await storageSnapshot()
      await expectError(await request(), status, code)
      expect(await storageSnapshot()).toEqual(before)
    })
  }

  it('asks for a bearer token with WWW-Authenticate', async () => {
    const res = await upload(seed, { token: null })
    expect(res.headers.get('WWW-Authenticate')).toBe('Bearer realm="articles"')
    const wrong = await upload(seed, { token: 'nope' })
    expect(wrong.headers.get('WWW-Authenticate')).toBe(
      'Bearer realm="articles", error="invalid_token"',
    )
  })

  it('never echoes the token in an error', async () => {
    const res = await upload(seed, { token: 'secret-guess-123' })
    expect(await res.text()).not.toContain('secret-guess-123')
  })
})

describe('reads of what is not there', () => {
  it.each([
    '/articles/no-such-article',
    '/api/articles/no-such-article',
    '/api/articles/no-such-article/revisions',
    '/api/articles/no-such-article/source',
    '/api/articles/..%2F..%2Fetc',
    '/api/articles/a%00b',
    `/api/articles/${'a'.repeat(300)}`,
    '/no/such/route',
  ])('%s → 404', async (path) => {
    const res = await get(path, { Accept: 'application/json' })
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })

  it('shows browsers an HTML 404 page for a missing article', async () => {
    const res = await get('/articles/no-such-article', { Accept: 'text/html' })
    expect(res.status).toBe(404)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/)
  })

  it('rejects a cursor it did not make: JSON to the API, an HTML page to a browser', async () => {
    await expectError(await get('/api/articles?cursor=bm9wZQ'), 400, 'invalid_cursor')
    await expectError(
      await get('/?cursor=%%%', { Accept: 'application/json' }),
      400,
      'invalid_cursor',
    )
    const page = await get('/?cursor=garbage', { Accept: 'text/html' })
    expect(page.status).toBe(400)
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
    const html = await page.text()
    expect(html).toContain('<p class="kicker">Error 400</p>')
    expect(html).toContain('cursor: not a cursor from this site')
  })

  it('rejects an out-of-range limit', async () => {
    await expectError(await get('/api/articles?limit=0'), 400, 'invalid_request')
    await expectError(await get('/api/articles?limit=101'), 400, 'invalid_request')
  })

  it('404s a delete or re-normalize of a missing article, after checking the token', async () => {
    expect((await send('DELETE', '/api/articles/no-such-article')).status).toBe(401)
    await expectError(await send('DELETE', '/api/articles/no-such-article', auth), 404, 'not_found')
    await expectError(
      await send('POST', '/api/articles/no-such-article/renormalize', auth),
      404,
      'not_found',
    )
  })
})
