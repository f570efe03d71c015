import { createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test'
import { app } from '../src/index'

export const TOKEN = 'test-token'
export const ORIGIN = 'http://example.test'

export function upload(
  body: BodyInit,
  {
    type = 'text/plain; charset=utf-8',
    token = TOKEN,
    query = '',
    headers = {},
  }: {
    type?: string | null
    token?: string | null
    query?: string
    headers?: Record<string, string>
  } = {},
) {
  const all: Record<string, string> = { ...headers }
  if (type !== null) all['Content-Type'] = type
  if (token !== null) all.Authorization = `Bearer ${token}`
  return SELF.fetch(`${ORIGIN}/api/articles${query}`, { method: 'POST', headers: all, body })
}

export const get = (path: string, headers: Record<string, string> = {}) =>
  SELF.fetch(`${ORIGIN}${path}`, { headers })

export const send = (method: string, path: string, headers: Record<string, string> = {}) =>
  SELF.fetch(`${ORIGIN}${path}`, { method, headers })

export const auth = { Authorization: `Bearer ${TOKEN}` }

const TABLES = [
  'articles',
  'sources',
  'source_chunks',
  'revisions',
  'authors',
  'article_authors',
  'tags',
  'article_tags',
  'blocks',
  'related',
  'links',
  'notes',
  'cache_epochs',
] as const

/** Row counts of every table plus the number of KV keys: a write leaves a trace here. */
export async function storageSnapshot(): Promise<Record<string, number>> {
  const select = TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')
  const counts = (await env.DB.prepare(`SELECT ${select}`).first()) as Record<string, number>
  const epochs = await env.DB.prepare(
    'SELECT coalesce(sum(epoch), 0) AS n FROM cache_epochs',
  ).first<{ n: number }>()
  const keys = await env.PAGES.list()
  const originals = await env.ORIGINALS.list()
  return {
    ...counts,
    epochSum: epochs?.n ?? 0,
    kvKeys: keys.keys.length,
    r2Objects: originals.objects.length,
  }
}

/** What came back, read whole: the body as text, so a test can look at it more than once. */
export interface Answer {
  status: number
  headers: Headers
  body: string
}

/**
 * One request through the app, in the test's own ExecutionContext, so its waitUntil work (KV page
 * writes) has finished before anything looks: no sleeping, no race. `target` is a path on ORIGIN
 * or an absolute URL; `bindings` replace the test bindings for this request only.
 */
export async function call(
  target: string,
  init: RequestInit = {},
  bindings: Partial<Cloudflare.Env> = {},
): Promise<Answer> {
  const url = /^https?:\/\//.test(target) ? target : `${ORIGIN}${target}`
  const ctx = createExecutionContext()
  const res = await app.request(url, init, { ...env, ...bindings }, ctx)
  const body = await res.text()
  await waitOnExecutionContext(ctx)
  return { status: res.status, headers: res.headers, body }
}

/**
 * Whether a D1 batch writes: a test double that fails or races "the write's batch" leaves the
 * write service's reads alone (an upload reads its article and the articles linking to it in
 * one batch before it writes).
 */
export const writesSomething = (statements: D1PreparedStatement[]) =>
  statements.some(
    (s) => !/^\s*(select|with)\b/i.test((s as unknown as { statement: string }).statement),
  )

const unreachable = () => Promise.reject(new Error('D1_ERROR: Network connection lost.'))
const unreachableStatement = {
  first: unreachable,
  all: unreachable,
  raw: unreachable,
  run: unreachable,
}

const unreachableSession = {
  prepare: () => ({ ...unreachableStatement, bind: () => unreachableStatement }),
  batch: unreachable,
  getBookmark: () => null,
} as unknown as D1DatabaseSession

/** A D1 whose every statement and batch fails as when the database cannot be reached. */
export const unreachableD1 = new Proxy(env.DB, {
  get(target, prop) {
    if (prop === 'prepare' || prop === 'batch') return unreachableSession[prop]
    if (prop === 'withSession') return () => unreachableSession
    const value = Reflect.get(target, prop) as unknown
    return typeof value === 'function' ? value.bind(target) : value
  },
})
