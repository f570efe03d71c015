import { SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  BULK_CASES,
  bytes,
  FORM_CASES,
  IGNORED_BODIES,
  IMPORT_CASES,
  KEY_CASES,
  WEBHOOK_CASES,
  STATUS_CASES,
  MULTIPART,
  multipart,
  SEED,
  SEED_FILE,
  TOKEN,
  TOKEN_FIELD,
  UPLOAD_CASES,
  type BodyCase,
} from './http-table/bodies'
import { storageDump } from './http-table/storage'
import {
  allowedAt,
  call,
  fillPath,
  ORIGIN,
  ROUTES,
  SLUG,
  routeFor,
  sample,
  setSample,
  type Answer,
  type Expected,
  type Route,
} from './http-table/support'

// The issue: on every route, every bad input answers its documented 4xx (never a 5xx), and D1 and
// KV are byte-identical afterwards. Bad writes carry the token (they must get past it to matter)
// and no CF-Connecting-IP, so the write limiter (5 a minute in tests) lets them all through.

const auth = { Authorization: `Bearer ${TOKEN}` }

/** Queries GET routes need to do their work; the others answer without one. */
const REFERENCE_QUERY: Record<string, string> = {
  'GET /api/search': 'q=haqqani',
  'GET /search': 'q=haqqani',
  'GET /api/articles/:slug/diff': 'from=1',
  // A link made would be a write (its key, at first use): the reference is refused, making none.
  'POST /api/articles/:slug/preview': 'expiresIn=1',
}

type BodyKind = 'upload' | 'bulk' | 'form' | 'import' | 'key' | 'webhook' | 'status' | 'ignored'

/**
 * An import job for the /api/imports/:id routes, started before the tables are built (their
 * paths name it) and finished before anything is compared. Its one line is not JSON: it stores
 * no article, so the job's record is all it writes.
 */
const SAMPLE_IMPORT = JSON.parse(
  (
    await call('/api/imports', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/x-ndjson' },
      body: 'not an article\n',
    })
  ).body,
) as { id: string }
setSample('imports/:id', SAMPLE_IMPORT.id)

/** GET routes that need the token: an import job's items name what it stored and failed. */
const TOKEN_READS = new Set([
  'GET /api/imports',
  'GET /api/imports/:id',
  'GET /api/imports/:id/items',
  'GET /api/keys',
  'GET /api/webhooks',
  'GET /api/webhooks/:id',
  'GET /api/webhooks/:id/deliveries',
])

/**
 * Every write route: a request it accepts that writes nothing (the seed again, or a stale
 * If-Match), and the bad bodies it is sent. A write route missing here fails the first test.
 */
const WRITES: Record<string, { body: BodyKind; reference: () => RequestInit }> = {
  'POST /api/articles': {
    body: 'upload',
    reference: () => ({
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/plain; charset=utf-8' },
      body: SEED,
    }),
  },
  'POST /api/articles/bulk': {
    body: 'bulk',
    reference: () => ({
      method: 'POST',
      headers: { ...auth, 'Content-Type': MULTIPART },
      body: multipart([SEED_FILE]),
    }),
  },
  'POST /upload': {
    body: 'form',
    reference: () => ({
      method: 'POST',
      headers: { 'Content-Type': MULTIPART },
      body: multipart([TOKEN_FIELD, SEED_FILE]),
    }),
  },
  'POST /api/articles/:slug/renormalize': {
    body: 'ignored',
    reference: () => ({ method: 'POST', headers: auth }),
  },
  // Revision 1 is the current one: restoring it is unchanged, writing nothing.
  'POST /api/articles/:slug/revisions/:n/restore': {
    body: 'ignored',
    reference: () => ({ method: 'POST', headers: auth }),
  },
  'POST /api/maintenance/originals': {
    body: 'ignored',
    reference: () => ({ method: 'POST', headers: auth }),
  },
  // Every stored name has the slug ingest makes now: a pass moves nothing, writing nothing.
  'POST /api/maintenance/slugs': {
    body: 'ignored',
    reference: () => ({ method: 'POST', headers: auth }),
  },
  // The seed is published: asking for that again is unchanged, writing nothing.
  'PATCH /api/articles/:slug': {
    body: 'status',
    reference: () => ({
      method: 'PATCH',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{"status":"published"}',
    }),
  },
  'DELETE /api/articles/:slug': {
    body: 'ignored',
    reference: () => ({ method: 'DELETE', headers: { ...auth, 'If-Match': '"r2"' } }),
  },
  // An accepted import always records its job: the reference is refused (empty), writing nothing.
  'POST /api/imports': {
    body: 'import',
    reference: () => ({
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/x-ndjson' },
      body: new Uint8Array(),
    }),
  },
  // The sample job failed for its item's own reason: nothing to retry.
  'POST /api/imports/:id/retry': {
    body: 'ignored',
    reference: () => ({ method: 'POST', headers: auth }),
  },
  // A key made would be a write: the reference is refused (no scopes), making nothing.
  'POST /api/keys': {
    body: 'key',
    reference: () => ({
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{"name":"reference","scopes":[]}',
    }),
  },
  // An endpoint made would be a write: the reference is refused (no events), making nothing.
  'POST /api/webhooks': {
    body: 'webhook',
    reference: () => ({
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{"url":"https://hooks.example.com/in","events":[]}',
    }),
  },
  // The sample endpoint does not exist: a good change to it is 404, writing nothing.
  'PATCH /api/webhooks/:id': {
    body: 'webhook',
    reference: () => ({
      method: 'PATCH',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{"enabled":false}',
    }),
  },
  'DELETE /api/webhooks/:id': {
    body: 'ignored',
    reference: () => ({ method: 'DELETE', headers: auth }),
  },
  'POST /api/webhooks/:id/secret': {
    body: 'ignored',
    reference: () => ({ method: 'POST', headers: auth }),
  },
  'POST /api/webhooks/:id/deliveries/:eventId/redeliver': {
    body: 'ignored',
    reference: () => ({ method: 'POST', headers: auth }),
  },
  'POST /api/articles/:slug/preview': {
    body: 'ignored',
    reference: () => ({ method: 'POST', headers: auth }),
  },
  // No link was ever made, so no key signs any: nothing to retire, nothing written.
  'POST /api/previews/rekey': {
    body: 'ignored',
    reference: () => ({ method: 'POST', headers: auth }),
  },
  // The sample key does not exist: nothing to revoke.
  'DELETE /api/keys/:id': {
    body: 'ignored',
    reference: () => ({ method: 'DELETE', headers: auth }),
  },
}

const keyOf = (route: Route) => `${route.method} ${route.path}`

/** One concrete request per route and path: what the tables vary. */
interface Target {
  route: Route
  /** The path with sample values, and the reference query. */
  path: string
  init: () => RequestInit
}

const TARGETS: Target[] = ROUTES.flatMap((route) => {
  const write = WRITES[keyOf(route)]
  if (route.method !== 'GET' && !write) return []
  const query = REFERENCE_QUERY[keyOf(route)]
  return fillPath(route.path, sample).map((path) => ({
    route,
    path: query ? `${path}?${query}` : path,
    init: write
      ? write.reference
      : TOKEN_READS.has(keyOf(route))
        ? () => ({ headers: auth })
        : () => ({}),
  }))
})

interface Case {
  name: string
  method: string
  path: string
  init: () => RequestInit | Promise<RequestInit>
  /** A function when it depends on the reference answers, known only once they are fetched. */
  expected: Expected | (() => Expected)
}

/** Each target's answer to its reference request (GET: with each Accept), fetched first. */
const references = new Map<string, Answer>()
const referenceKey = (method: string, path: string, accept = '') => `${method} ${path} ${accept}`
/** D1 and KV once the seed is stored and every page is cached. */
let baseline: Record<string, string>

/** /openapi.json as the app serves it (generated from the routes). */
const openapi = JSON.parse((await call('/openapi.json')).body) as {
  paths: Record<
    string,
    Record<
      string,
      {
        tags: string[]
        responses: Record<string, unknown>
        parameters?: { name: string; in: string }[]
      }
    >
  >
}

/** The operation /openapi.json documents for a method at a concrete path. */
function operation(method: string, path: string) {
  const verb = method === 'HEAD' ? 'get' : method.toLowerCase()
  const bare = path.split('?')[0]!
  for (const [template, operations] of Object.entries(openapi.paths)) {
    const pattern = template.replaceAll('.', '\\.').replace(/\{[^}]+\}/g, '[^/]+')
    if (operations[verb] && new RegExp(`^${pattern}$`).test(bare)) return operations[verb]
  }
  return undefined
}

/** An error on a page is a page too (to a client that does not ask for JSON). */
const refusedAt = (method: string, path: string, status: number, code: string): Expected =>
  operation(method, path)?.tags.includes('Pages')
    ? { status, page: `<p class="kicker">Error ${status}</p>` }
    : { status, code }

/** A fixed body gets its true Content-Length, as an HTTP client sends it, unless a case set one. */
function sized(init: RequestInit): RequestInit {
  const headers = new Headers(init.headers)
  if (init.body instanceof Uint8Array && !headers.has('Content-Length')) {
    headers.set('Content-Length', String(init.body.length))
  }
  return { ...init, headers, ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}) }
}

async function check(c: Case) {
  const answer = await call(c.path, sized(await c.init()))
  expect(answer.status, 'never a 5xx').toBeLessThan(500)
  const expected = typeof c.expected === 'function' ? c.expected() : c.expected
  const type = answer.headers.get('Content-Type')
  if ('sameAs' in expected) {
    const reference = references.get(expected.sameAs)!
    expect({ status: answer.status, type, body: answer.body }).toEqual({
      status: reference.status,
      type: reference.headers.get('Content-Type'),
      body: reference.body,
    })
  } else {
    expect(answer.status).toBe(expected.status)
    if ('allow' in expected && expected.allow !== undefined) {
      expect(answer.headers.get('Allow')).toBe(expected.allow)
    }
    if ('code' in expected) {
      expect(type).toBe('application/json')
      const body = JSON.parse(answer.body) as { error: { code: string; message: string } }
      const message = expected.message ?? expect.stringMatching(/\S/)
      expect(body).toEqual({ error: { code: expected.code, message } })
    } else if ('page' in expected) {
      expect(type).toBe('text/html; charset=UTF-8')
      expect(answer.body).toContain(expected.page)
    } else if ('empty' in expected) {
      expect(answer.body).toBe('')
    } else if ('location' in expected) {
      expect(answer.headers.get('Location')).toBe(expected.location)
    } else {
      expect(type).toBe('application/json')
      const body = JSON.parse(answer.body) as {
        items: { index: number; status: string; slug?: string; error?: { code: string } }[]
      }
      expect(body.items.map((i) => [i.index, i.status, i.error?.code ?? i.slug])).toEqual(
        expected.items,
      )
    }
    if (answer.status === 401) {
      expect(answer.headers.get('WWW-Authenticate')).toBe('Bearer realm="articles"')
    }
  }
  // A request some route serves answers a status that route's operation documents; one that no
  // route serves is the API's "no such route" (docs/api.md).
  if (routeFor(c.method, c.path.split('?')[0]!)) {
    const documented = Object.keys(operation(c.method, c.path)?.responses ?? {})
    expect(documented, 'documented in /openapi.json').toContain(String(answer.status))
  }
  expect(await storageDump()).toEqual(baseline)
}

function table(title: string, cases: Case[]) {
  describe(title, () => {
    for (const c of cases) it(c.name, () => check(c))
  })
}

beforeAll(async () => {
  for (let job = await call(`/api/imports/${SAMPLE_IMPORT.id}`, { headers: auth }); ;) {
    if (JSON.parse(job.body).finishedAt) break
    await new Promise((r) => setTimeout(r, 200))
    job = await call(`/api/imports/${SAMPLE_IMPORT.id}`, { headers: auth })
  }
  const created = await call('/api/articles', sized(WRITES['POST /api/articles']!.reference()))
  expect(created.status).toBe(201)
  // The seed names no date: this one gives the sample month (2011/09) an article to list.
  const dated = await call('/api/articles', {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title: 'KABUL: Embassy attack blamed on Haqqani network',
      body: ['A paragraph from September 2011.'],
      publishedAt: '2011-09-22',
    }),
  })
  expect(dated.status).toBe(201)
  // Every page a case can reach is rendered and cached now, so what follows can only read KV.
  for (const t of TARGETS.filter((t) => t.route.method === 'GET')) {
    for (const accept of ['', 'text/html', 'application/json']) {
      const headers = new Headers(t.init().headers)
      if (accept) headers.set('Accept', accept)
      const init = { headers }
      references.set(referenceKey('GET', t.path, accept), await call(t.path, init))
    }
  }
  baseline = await storageDump()
  for (const t of TARGETS.filter((t) => t.route.method !== 'GET')) {
    references.set(referenceKey(t.route.method, t.path), await call(t.path, sized(t.init())))
  }
  // The write references are accepted and write nothing: that is what makes them references.
  expect(await storageDump()).toEqual(baseline)
})

describe('the routes under test', () => {
  it('come from app.routes, one per method and path, and every write route is described', () => {
    expect(ROUTES.every((r) => r.method !== 'ALL')).toBe(true)
    expect(ROUTES.map(keyOf)).toEqual(
      expect.arrayContaining(['GET /', 'GET /articles/:slug', 'GET /api/articles/:slug']),
    )
    const writes = ROUTES.filter((r) => r.method !== 'GET').map(keyOf)
    expect(writes.sort()).toEqual(Object.keys(WRITES).sort())
  })

  it('answer their reference requests, so the cases below compare with something', () => {
    const failing = TARGETS.map((t) => {
      const status = references.get(referenceKey(t.route.method, t.path))!.status
      return [`${t.route.method} ${t.path}`, status] as const
    }).filter(([, status]) => status >= 300)
    // A stale If-Match: refused before anything is written. An import's reference is refused
    // (an accepted one records a job); the sample job has nothing to retry.
    expect(failing).toEqual([
      [`DELETE /api/articles/${SLUG}`, 412],
      // expiresIn=1 is below the minimum; the sample token is signed by no key.
      [`POST /api/articles/${SLUG}/preview?expiresIn=1`, 400],
      ['POST /api/imports', 422],
      [`POST /api/imports/${SAMPLE_IMPORT.id}/retry`, 409],
      ['POST /api/keys', 400],
      ['DELETE /api/keys/0mxag0ql64k556m1f461y304a', 404],
      // The sample endpoint does not exist: its reads are 404 too.
      ['POST /api/webhooks', 400],
      ['GET /api/webhooks/0mxag0ql64k556m1f461y304a', 404],
      ['PATCH /api/webhooks/0mxag0ql64k556m1f461y304a', 404],
      ['DELETE /api/webhooks/0mxag0ql64k556m1f461y304a', 404],
      ['POST /api/webhooks/0mxag0ql64k556m1f461y304a/secret', 404],
      ['GET /api/webhooks/0mxag0ql64k556m1f461y304a/deliveries', 404],
      [
        'POST /api/webhooks/0mxag0ql64k556m1f461y304a/deliveries/msg_0mxag0ql64k556m1f461y304a_r1/redeliver',
        404,
      ],
      [`GET /preview/AAAA.${'A'.repeat(43)}`, 403],
    ])
  })
})

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
const sendsBody = (method: string) => ['POST', 'PUT', 'PATCH'].includes(method)

table(
  'wrong methods: 405 method_not_allowed with Allow (OPTIONS: 204 with Allow), with the token and a good body',
  [...new Set(ROUTES.map((r) => r.path))].flatMap((pattern) => {
    const served = new Set(ROUTES.filter((r) => r.path === pattern).map((r) => r.method))
    if (served.has('GET')) served.add('HEAD')
    return fillPath(pattern, sample).flatMap((path) =>
      METHODS.filter((m) => !served.has(m)).map((method): Case => {
        // /api/articles/bulk is also /api/articles/:slug with the slug "bulk", which is no article.
        const other = routeFor(method, path)
        const withBody = sendsBody(method)
        const allow = allowedAt(path).join(', ')
        return {
          name: `${method} ${path}${other ? ` (served by ${keyOf(other)})` : ''}`,
          method,
          path,
          init: () => ({
            method,
            headers: withBody ? { ...auth, 'Content-Type': 'text/plain; charset=utf-8' } : auth,
            ...(withBody ? { body: SEED } : {}),
          }),
          expected: other
            ? method === 'HEAD'
              ? { status: 404, empty: true }
              : // A status change reads its body (a few bytes of JSON) before the article.
                keyOf(other) === 'PATCH /api/articles/:slug'
                ? { status: 413, code: 'payload_too_large' }
                : { status: 404, code: 'not_found' }
            : method === 'OPTIONS'
              ? { status: 204, empty: true, allow }
              : method === 'HEAD'
                ? { status: 405, empty: true, allow }
                : {
                    status: 405,
                    code: 'method_not_allowed',
                    message: `${path} takes ${allow}, not ${method}.`,
                    allow,
                  },
        }
      }),
    )
  }),
)

it('answers a path no route serves, with any method, 404 not_found', async () => {
  for (const method of METHODS) {
    const answer = await call('/no/such/route', { method })
    expect([method, answer.status]).toEqual([method, 404])
    expect(answer.headers.get('Allow')).toBeNull()
  }
})

/** Bad values for a path parameter, given the real one. */
const BAD_VALUES: [string, (real: string) => string][] = [
  ['../ with encoded slashes', () => '..%2F..%2Fetc%2Fpasswd'],
  ['%2e%2e%2f', () => '%2e%2e%2f'],
  ['a trailing %00', (real) => `${real}%00`],
  ['2,000 characters', () => 'a'.repeat(2000)],
  ['unicode', () => 'caf%C3%A9'],
  ['a broken percent-escape', () => '%E0%A4%A'],
  ['upper case', (real) => real.toUpperCase()],
  ['markup', () => '%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
]

/** Routes that find an author or tag by slug (src/ingest/name-slug.ts): any script, any form. */
const NAMED = /\/(authors|tags)\/:slug/

/** The path as the app names it: percent-escapes decoded where they decode (Hono's getPath). */
const decodedPath = (path: string) =>
  path.replace(/(?:%[0-9A-Fa-f]{2})+/g, (escapes) => {
    try {
      return decodeURI(escapes)
    } catch {
      return escapes
    }
  })

/**
 * A GET route answers browsers with an HTML error page when its own answer is a page, or when it
 * is documented as a page and its sample is refused (a preview token signed by no key).
 */
function isPage(path: string): boolean {
  const reference = references.get(referenceKey('GET', path, 'text/html'))
  if (reference?.headers.get('Content-Type') === 'text/html; charset=utf-8') return true
  return (reference?.status ?? 0) >= 400 && !!operation('GET', path)?.tags.includes('Pages')
}

/** The parameters of a route pattern that take a value (not a fixed alternation like :kind). */
const valueParams = (pattern: string) =>
  pattern
    .split('/')
    .filter((s) => s.startsWith(':') && !/^:\w+\{\w+(\|\w+)+\}$/.test(s))
    .map((s) => s.slice(1).split('{')[0]!)

table(
  'bad path parameters: 404 not_found, as an HTML page to browsers on pages',
  TARGETS.flatMap((t) =>
    valueParams(t.route.path).flatMap((param) =>
      BAD_VALUES.flatMap(([what, bad]) => {
        // fillPath expands :kind alternatives in a fixed order: take the one this target is.
        const index = fillPath(t.route.path, sample).indexOf(t.path.split('?')[0]!)
        const path = fillPath(t.route.path, (name, previous) =>
          name === param ? bad(sample(name, previous)) : sample(name, previous),
        )[index]!
        if (path === t.path) return []
        const accepts = t.route.method === 'GET' ? ['text/html', 'application/json'] : ['']
        return accepts.map((accept): Case => ({
          name: `${t.route.method} ${t.path}, :${param} ${what}${accept && `, Accept: ${accept}`}`,
          method: t.route.method,
          path,
          init: () => {
            const init = t.init()
            return accept ? { ...init, headers: { ...init.headers, Accept: accept } } : init
          },
          expected: () => {
            // An author's or tag's slug in capitals is another form of it: 301 to the slug's URL.
            if (what === 'upper case' && NAMED.test(t.route.path)) {
              return { status: 301, location: t.path.split('?')[0]! }
            }
            // A value the route's pattern refuses reaches no handler: the app's JSON 404.
            if (!routeFor(t.route.method, path)) {
              const message = `No route for ${t.route.method} ${decodedPath(path)}.`
              return { status: 404, code: 'not_found', message }
            }
            return accept === 'text/html' && isPage(t.path)
              ? { status: 404, page: '<p class="kicker">Error 404</p>' }
              : { status: 404, code: 'not_found' }
          },
        }))
      }),
    ),
  ),
)

function bodyCases(t: Target): Case[] {
  const write = WRITES[keyOf(t.route)]
  if (!write) return []
  const reference = referenceKey(t.route.method, t.path)
  const cases: BodyCase[] = {
    upload: UPLOAD_CASES,
    bulk: BULK_CASES,
    form: FORM_CASES,
    import: IMPORT_CASES,
    key: KEY_CASES,
    webhook: WEBHOOK_CASES,
    status: STATUS_CASES,
    ignored: IGNORED_BODIES.map(([n, h, b]): BodyCase => [n, h, b, { sameAs: reference }]),
  }[write.body]
  return cases.map(([name, headers, body, expected]) => ({
    name: `${t.route.method} ${t.path}: ${name}`,
    method: t.route.method,
    path: t.path,
    init: async () => {
      // The API takes the token as a header; the form, in the form (the case's body).
      const kept = write.body === 'ignored' ? t.init().headers : write.body === 'form' ? {} : auth
      return { method: t.route.method, headers: { ...kept, ...headers }, body: await body() }
    },
    expected,
  }))
}

table('bad bodies on every write route', TARGETS.flatMap(bodyCases))

/** Parameters no route knows, some named like things that matter. */
const UNKNOWN = 'utm_source=newsletter&debug=1&__proto__=x&constructor=x&slug=..%2F..%2Fetc'

table(
  'unknown query parameters are ignored: the answer without them, nothing stored',
  TARGETS.map((t) => ({
    name: `${t.route.method} ${t.path} with ?${UNKNOWN}`,
    method: t.route.method,
    path: `${t.path}${t.path.includes('?') ? '&' : '?'}${UNKNOWN}`,
    init: t.init,
    expected: { sameAs: referenceKey(t.route.method, t.path) },
  })),
)

table(
  'a documented query parameter given twice: 400 invalid_request (a page on pages)',
  TARGETS.flatMap((t) =>
    (operation(t.route.method, t.path)?.parameters ?? [])
      .filter((p) => p.in === 'query')
      .map(({ name }): Case => {
        const [path, query] = t.path.split('?')
        const twice = `${name}=1&${name}=1`
        return {
          name: `${t.route.method} ${path}?${twice}`,
          method: t.route.method,
          path: `${path}?${query ? `${query}&` : ''}${twice}`,
          init: t.init,
          expected: refusedAt(t.route.method, path!, 400, 'invalid_request'),
        }
      }),
  ),
)

const VALUE_CASES: [method: 'GET' | 'POST', path: string, status: number, code: string][] = [
  ['GET', '/api/articles?limit=0', 400, 'invalid_request'],
  ['GET', '/api/articles?limit=%00', 400, 'invalid_request'],
  ['GET', '/api/articles?cursor=%00', 400, 'invalid_cursor'],
  ['GET', '/api/search', 400, 'invalid_query'],
  ['GET', `/api/search?q=${'a'.repeat(201)}`, 400, 'invalid_request'],
  ['GET', '/api/search?q=haqqani&cursor=nope', 400, 'invalid_cursor'],
  ['GET', '/api/authors/alex-rodriguez?limit=101', 400, 'invalid_request'],
  ['GET', '/api/archive/2011/09?cursor=nope', 400, 'invalid_cursor'],
  ['GET', `/api/articles/${SLUG}/source?revision=0`, 400, 'invalid_request'],
  ['GET', `/api/articles/${SLUG}/source?revision=2`, 404, 'not_found'],
  ['GET', '/?cursor=%%%', 400, 'invalid_cursor'],
  ['GET', '/?cursor=', 400, 'invalid_cursor'],
  ['GET', '/tags/pakistan?cursor=nope', 400, 'invalid_cursor'],
  ['GET', '/search?q=haqqani&cursor=nope', 400, 'invalid_cursor'],
  ['POST', '/api/articles?publishedAt=yesterday', 400, 'invalid_field'],
  ['POST', '/api/articles?sourceUrl=javascript:alert(1)', 400, 'invalid_field'],
  [
    'POST',
    `/api/articles?sourceUrl=https://example.com/${'a'.repeat(2048)}`,
    400,
    'invalid_request',
  ],
]

table(
  'documented query parameters with values they refuse (a page on pages)',
  VALUE_CASES.map(([method, path, status, code]) => ({
    name: `${method} ${path.length > 100 ? `${path.slice(0, 100)}…` : path}`,
    method,
    path,
    init: method === 'POST' ? WRITES['POST /api/articles']!.reference : () => ({}),
    expected: refusedAt(method, path, status, code),
  })),
)

const NOT_FOUND_PAGE = { status: 404, page: '<p class="kicker">Error 404</p>' }
const RANGE_CASES: [path: string, accept: string, expected: Expected][] = [
  ['/archive/2011/13', 'text/html', NOT_FOUND_PAGE],
  ['/archive/0000/00', 'text/html', NOT_FOUND_PAGE],
  ['/archive/2011/00', 'application/json', { status: 404, code: 'not_found' }],
  ['/api/archive/2011/13', '', { status: 404, code: 'not_found' }],
  ['/sitemaps/0.xml', '', { status: 404, code: 'not_found' }],
  ['/sitemaps/999999.xml', '', { status: 404, code: 'not_found' }],
  [
    '/sitemaps/1000000.xml',
    '',
    { status: 404, code: 'not_found', message: 'Nothing at /sitemaps/1000000.xml.' },
  ],
]

table(
  'months and sitemap pages out of range',
  RANGE_CASES.map(([path, accept, expected]) => ({
    name: `GET ${path}${accept && `, Accept: ${accept}`}`,
    method: 'GET',
    path,
    init: () => (accept ? { headers: { Accept: accept } } : {}),
    expected,
  })),
)

// A literal `../` (or `%2e%2e`, which URLs treat the same) never reaches the app: the URL parser
// resolves it when the Request is made, in a test as in front of a deployed worker, so the request
// is for the path it resolves to. Encoded slashes (`..%2F`) stay in the segment: see above.
table(
  'dot segments are resolved before the app sees the path',
  [
    ['/api/articles/../../etc/passwd', '/etc/passwd'],
    ['/articles/%2e%2e/%2e%2e/etc/passwd', '/etc/passwd'],
  ].map(([path, resolved]) => ({
    name: `GET ${path} is GET ${resolved}`,
    method: 'GET',
    path: path!,
    init: () => ({}),
    expected: { status: 404, code: 'not_found', message: `No route for GET ${resolved}.` },
  })),
)

describe('what the runtime does to Content-Length on the way in', () => {
  // Through app.request the app sees the headers a test sets, an empty Content-Length included
  // (the bad-body tables above). Through the runtime (SELF.fetch, a service binding) it does not:
  // checked here. Neither can express a Content-Length that disagrees with the body the way HTTP
  // framing does (a short one cutting the body, a long one stalling it): the body reaches the
  // worker as a whole stream, and framing errors are refused by the HTTP server in front of the
  // worker before any code runs. A declared length over the limit does arrive, and is refused
  // before the body is read (the "Content-Length over the limit" cases).
  const post = (length: string, body: Uint8Array) =>
    SELF.fetch(`${ORIGIN}/api/articles`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': length },
      body,
    })

  it('drops an empty Content-Length: the body is read as if none had been sent', async () => {
    const res = await post('', bytes('JUST: A title\n'))
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('empty_body')
    expect(await storageDump()).toEqual(baseline)
  })

  it('does not cut the body at a Content-Length shorter than it', async () => {
    const res = await post('5', SEED)
    expect(res.status).toBe(200)
    expect(res.headers.get('X-Ingest-Result')).toBe('unchanged')
    expect(await storageDump()).toEqual(baseline)
  })
})
