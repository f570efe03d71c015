import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import seedText from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { app } from '../src/index'
import { SECURITY_HEADERS } from '../src/http/security-headers'
import { SCOPES, type Scope } from '../src/model/keys'
import { auth, get, ORIGIN, upload } from './helpers'

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

describe('every write route needs the bearer token', () => {
  // app.routes lists a route once per handler (middleware included): keep one of each.
  const writeRoutes = [
    ...new Map(
      app.routes
        .filter((r) => WRITE_METHODS.has(r.method))
        .map((r) => [`${r.method} ${r.path}`, r]),
    ).values(),
  ]

  it('finds the write routes the app serves', () => {
    expect(writeRoutes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      [
        'DELETE /api/articles/:slug',
        'PATCH /api/articles/:slug',
        'DELETE /api/keys/:id',
        'POST /api/articles',
        'POST /api/articles/:slug/renormalize',
        'POST /api/articles/:slug/preview',
        'POST /api/articles/:slug/revisions/:n/restore',
        'POST /api/articles/bulk',
        'POST /api/imports',
        'POST /api/imports/:id/retry',
        'POST /api/keys',
        'POST /api/maintenance/originals',
        'POST /api/maintenance/slugs',
        'POST /api/previews/rekey',
        'POST /api/webhooks',
        'PATCH /api/webhooks/:id',
        'DELETE /api/webhooks/:id',
        'POST /api/webhooks/:id/secret',
        'POST /api/webhooks/:id/deliveries/:eventId/redeliver',
        'POST /upload',
      ].sort(),
    )
  })

  /** The upload form carries its token in the form: "without a token" is a form without one. */
  const formWith = (fields: Record<string, string>) => {
    const form = new FormData()
    for (const [name, value] of Object.entries(fields)) form.append(name, value)
    form.append('text', 'TITLE\n\nA body.')
    return form
  }

  /** The scope each write route's description names (x-scope), by `METHOD /path`. */
  const scopes = async () => {
    const doc = (await (await get('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-scope'?: Scope }>>
    }
    const named = new Map<string, Scope | undefined>()
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        named.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, op['x-scope'])
    return named
  }

  it('names the scope every write route needs', async () => {
    const named = await scopes()
    expect(
      Object.fromEntries(
        writeRoutes.map((r) => [`${r.method} ${r.path}`, named.get(`${r.method} ${r.path}`)]),
      ),
    ).toEqual({
      'DELETE /api/articles/:slug': 'articles:write',
      'PATCH /api/articles/:slug': 'articles:write',
      'POST /api/articles': 'articles:write',
      'POST /api/articles/:slug/renormalize': 'articles:write',
      'POST /api/articles/:slug/preview': 'articles:write',
      'POST /api/articles/:slug/revisions/:n/restore': 'articles:write',
      'POST /api/articles/bulk': 'articles:write',
      'POST /api/imports': 'imports',
      'POST /api/imports/:id/retry': 'imports',
      'POST /api/keys': 'admin',
      'DELETE /api/keys/:id': 'admin',
      'POST /api/maintenance/originals': 'admin',
      'POST /api/maintenance/slugs': 'admin',
      'POST /api/previews/rekey': 'admin',
      'POST /api/webhooks': 'webhooks',
      'PATCH /api/webhooks/:id': 'webhooks',
      'DELETE /api/webhooks/:id': 'webhooks',
      'POST /api/webhooks/:id/secret': 'webhooks',
      'POST /api/webhooks/:id/deliveries/:eventId/redeliver': 'webhooks',
      'POST /upload': 'articles:write',
    })
  })

  it('answers 403 naming the scope to a key with every scope but it (and never writes)', async () => {
    const named = await scopes()
    const made = new Map<Scope, string>()
    const keyWithout = async (scope: Scope) => {
      if (!made.has(scope)) {
        const others = SCOPES.filter((s) => s !== scope && s !== 'admin')
        const res = await SELF.fetch(`${ORIGIN}/api/keys`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: `all but ${scope}`, scopes: others }),
        })
        expect(res.status).toBe(201)
        made.set(scope, ((await res.json()) as { secret: string }).secret)
      }
      return made.get(scope)!
    }
    for (const route of writeRoutes) {
      const scope = named.get(`${route.method} ${route.path}`)!
      const secret = await keyWithout(scope)
      const path = route.path
        .replace(':slug', 'some-article')
        .replace(':id', '0mxag0ql64k556m1f461y304a')
        .replace(':eventId', 'msg_0mxag0ql64k556m1f461y304a_r1')
      const init: RequestInit =
        path === '/upload'
          ? { body: formWith({ token: secret }) }
          : { headers: { Authorization: `Bearer ${secret}` } }
      const res = await SELF.fetch(`${ORIGIN}${path}`, { method: route.method, ...init })
      const where = `${route.method} ${route.path}`
      expect([where, res.status], where).toEqual([where, 403])
      if (path !== '/upload') {
        expect(await res.json(), where).toEqual({
          error: { code: 'forbidden', message: `This key lacks the "${scope}" scope (or admin).` },
        })
      } else expect(await res.text(), where).toContain(`lacks the &quot;${scope}&quot; scope`)
    }
  })

  for (const route of writeRoutes) {
    const path = route.path
      .replace(':slug', 'some-article')
      .replace(':id', '0mxag0ql64k556m1f461y304a')
      .replace(':eventId', 'msg_0mxag0ql64k556m1f461y304a_r1')
    it(`${route.method} ${route.path} → 401 without a token and with a wrong one`, async () => {
      const attempts: RequestInit[] =
        path === '/upload'
          ? [
              { body: formWith({}) },
              { body: formWith({ token: 'wrong' }) },
              { body: formWith({}), headers: { Authorization: 'Bearer test-token' } },
            ]
          : [
              {},
              { headers: { Authorization: 'Bearer wrong' } },
              { headers: { Authorization: 'Basic dGVzdC10b2tlbg==' } },
            ]
      for (const init of attempts) {
        const res = await SELF.fetch(`${ORIGIN}${path}`, { method: route.method, ...init })
        expect(res.status).toBe(401)
        expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer realm="articles"/)
      }
    })
  }
})

describe('HTML escapes what it did not make', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '</script><script>alert(2)</script>',
  ]
  const evil = payloads.join(' ')

  it('renders hostile JSON uploads inert in the page', async () => {
    const res = await upload(
      JSON.stringify({
        title: `XSS: ${evil}`,
        body: [`${evil} paragraph.`, 'Second paragraph.'],
        authors: [`Mallory ${evil}`],
        dateline: evil,
        related: [{ title: evil, url: null }],
        captions: [evil],
        notices: [evil],
        tags: [evil],
      }),
      { type: 'application/json' },
    )
    expect(res.status).toBe(201)
    const { slug } = (await res.json()) as { slug: string }
    for (const path of [`/articles/${slug}`, '/']) {
      const html = await (await get(path)).text()
      expect(html).not.toMatch(/<script>alert/i)
      expect(html).not.toMatch(/<img/i)
      expect(html).not.toMatch(/href="javascript:/i)
      expect(html.match(/<script/gi)?.length ?? 0).toBeLessThanOrEqual(1)
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    }
  })
})

it('refuses a javascript: URL at the door', async () => {
  const res = await upload(
    JSON.stringify({
      title: 'A title',
      body: ['Text.'],
      related: [{ title: 'x', url: 'javascript:alert(3)' }],
    }),
    { type: 'application/json' },
  )
  expect(res.status).toBe(400)
  expect(((await res.json()) as { error: { code: string; message: string } }).error).toEqual({
    code: 'invalid_field',
    message: expect.stringContaining('related[0].url') as unknown as string,
  })
})

describe('security headers', () => {
  it('sends every security header on cached, fresh and API responses, exactly once', async () => {
    const created = await upload(
      JSON.stringify({ title: 'Security headers check', body: ['One paragraph.'] }),
      { type: 'application/json' },
    )
    expect(created.status).toBe(201)
    const first = await get('/articles/security-headers-check')
    const remembered = await get('/articles/security-headers-check')
    expect([first.headers.get('X-Cache'), remembered.headers.get('X-Cache')]).toEqual([
      'MISS',
      'HIT',
    ])
    expect(await remembered.clone().text()).toBe(await first.text())
    const responses = [first, remembered, await get('/api/articles'), await get('/healthz')]
    for (const res of [...responses, await get('/no/such/route')]) {
      for (const [name, value] of SECURITY_HEADERS) expect(res.headers.get(name), name).toBe(value)
    }
    const csp = remembered.headers.get('Content-Security-Policy')!
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/)
  })

  it("keeps a route's own Content-Security-Policy (the original upload is sandboxed)", async () => {
    const seed = await upload(seedText)
    const { slug } = (await seed.json()) as { slug: string }
    const source = await get(`/api/articles/${slug}/source`)
    expect(source.status).toBe(200)
    expect(source.headers.get('Content-Security-Policy')).toBe("default-src 'none'; sandbox")
    expect(source.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })
})
