/**
 * Bench-only entry, never deployed: the app as it is, plus two routes the bench needs inside
 * workerd. `wrangler deploy bench/floor-worker.ts --dry-run` bundles it; production code is untouched.
 *
 * - `POST /__bench/floor`: NDJSON of articles the bench already normalized; each is stored with
 *   the app's own `revisionStatements`/`sourceStatements` in one `db.batch()`. No parsing, no reads,
 *   no cache work: the storage floor an upload route can approach.
 * - `POST /__bench/upload-floor`: the same articles, each with the storage operations a single
 *   upload of it makes: the write service's read before a write (beforeUpload), the R2 put of
 *   its original (putOriginal), and its batch. The floor a single upload route can approach.
 * - `POST /__bench/floor-group?size=`: the same, stored `size` articles to a `db.batch()` with
 *   their rows merged as the grouped writer merges them: the floor an import job can approach.
 * - `POST /__bench/statements`: `{ statements: [{ sql, params }] }` run in one `db.batch()`: the
 *   growth loader. (Miniflare's Node proxy to D1 costs ~10 ms per `prepare()`/`bind()` call.)
 * - `POST /__bench/query`: `{ sql }`, its rows as JSON: counts, without Miniflare's D1 proxy.
 * - `GET /__bench/epoch?scope=` and `GET /__bench/page?scope=&epoch=&variant=`: the two storage
 *   reads a cached page view makes (`readEpoch` in D1, `readPage` in KV), each on its own.
 * - `GET /__bench/bytes?n=`: n bytes of HTML from a constant Blob, no app at all: what sending a
 *   page of that size costs by itself.
 * - `GET /__bench/first-view?slug=&n=`: the four storage operations of a first view and nothing
 *   else (the scope's epoch in D1, a KV miss, the article's one D1 statement, an n-byte page put
 *   in KV under a key of its own): the floor an uncached page view can approach.
 */
import { sql } from 'drizzle-orm'
import { app } from '../src/index'
import { pageKey, readPage, writePage } from '../src/cache/pages'
import { readEpoch } from '../src/db/epochs'
import { beforeUpload, matchKeys } from '../src/db/article-state'
import { putOriginal } from '../src/blobs/originals'
import { articleScope } from '../src/cache/scopes'
import { articleReadStatement } from '../src/db/article-read'
import { createDb, type Statement } from '../src/db/client'
import type { Bindings } from '../src/env'
import { newArticleStatements, newGroupStatements } from './article-statements'
import type { RawStatement } from './merge-inserts'
import type { PreparedArticle } from './prepared-article'

/** How the loader sends a Uint8Array parameter (source bytes) through JSON. */
export type BytesParam = { $bytes: string }

const isBytes = (value: unknown): value is BytesParam =>
  typeof value === 'object' && value !== null && '$bytes' in value

const decodeParam = (value: unknown) =>
  isBytes(value) ? Uint8Array.from(atob(value.$bytes), (ch) => ch.charCodeAt(0)) : value

async function floor(request: Request, env: Bindings): Promise<Response> {
  const db = createDb(env.DB)
  const lines = (await request.text()).split('\n').filter((line) => line.trim() !== '')
  for (const line of lines) {
    const statements = newArticleStatements(db, JSON.parse(line) as PreparedArticle)
    await db.batch(statements as [Statement, ...Statement[]])
  }
  return Response.json({ stored: lines.length })
}

async function uploadFloor(request: Request, env: Bindings): Promise<Response> {
  const db = createDb(env.DB)
  const lines = (await request.text()).split('\n').filter((line) => line.trim() !== '')
  for (const line of lines) {
    const item = JSON.parse(line) as PreparedArticle
    await beforeUpload(db, item.identity, matchKeys(item.article))
    await putOriginal(env.ORIGINALS, item.sha256, new TextEncoder().encode(item.source))
    const statements = newArticleStatements(db, item)
    await db.batch(statements as [Statement, ...Statement[]])
  }
  return Response.json({ stored: lines.length })
}

async function floorGroup(request: Request, url: URL, env: Bindings): Promise<Response> {
  const db = createDb(env.DB)
  const size = Number(url.searchParams.get('size')) || 25
  const items = (await request.text())
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as PreparedArticle)
  for (let i = 0; i < items.length; i += size) {
    const statements = newGroupStatements(db, items.slice(i, i + size))
    await db.batch(statements as [Statement, ...Statement[]])
  }
  return Response.json({ stored: items.length })
}

async function statements(request: Request, env: Bindings): Promise<Response> {
  const { statements } = await request.json<{ statements: RawStatement[] }>()
  const prepared = statements.map((s) => env.DB.prepare(s.sql).bind(...s.params.map(decodeParam)))
  const results = await env.DB.batch(prepared)
  return Response.json({ changes: results.reduce((sum, r) => sum + r.meta.changes, 0) })
}

async function query(request: Request, env: Bindings): Promise<Response> {
  const { sql } = await request.json<{ sql: string }>()
  return Response.json((await env.DB.prepare(sql).all()).results)
}

async function epoch(url: URL, env: Bindings): Promise<Response> {
  return new Response(
    String(await readEpoch(createDb(env.DB), url.searchParams.get('scope') ?? '')),
  )
}

async function page(url: URL, env: Bindings): Promise<Response> {
  const q = (name: string) => url.searchParams.get(name) ?? ''
  const cached = await readPage(env.PAGES, pageKey(q('scope'), Number(q('epoch')), q('variant')))
  return cached ? new Response(cached.body) : new Response('not cached', { status: 404 })
}

/** The page size a route was asked for (`?n=`), at most 1 MiB. */
const sizeOf = (url: URL) => Math.min(Number(url.searchParams.get('n')) || 0, 2 ** 20)

// A Blob, as the app keeps its remembered pages: the cheapest way to send a constant body.
const constantBodies = new Map<number, Blob>()

function bytes(url: URL): Response {
  const n = sizeOf(url)
  let body = constantBodies.get(n)
  if (body === undefined) constantBodies.set(n, (body = new Blob([constantText(n)])))
  return new Response(body, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })
}

const constantTexts = new Map<number, string>()
function constantText(n: number): string {
  let text = constantTexts.get(n)
  if (text === undefined) constantTexts.set(n, (text = 'a'.repeat(n)))
  return text
}

let readBySlug: string | undefined

async function firstView(url: URL, env: Bindings): Promise<Response> {
  const slug = url.searchParams.get('slug') ?? ''
  const db = createDb(env.DB)
  const scope = articleScope(slug)
  const key = pageKey(scope, await readEpoch(db, scope), `floor:${crypto.randomUUID()}`)
  if (await readPage(env.PAGES, key)) throw new Error('a fresh key was found in KV')
  // Rendered once, as the app renders its read by slug once: the floor is storage work alone.
  readBySlug ??= articleReadStatement(db, { slug: sql.placeholder('slug') }).toSQL().sql
  const rows = await env.DB.prepare(readBySlug).bind(slug).raw()
  if (rows.length !== 1) return new Response(`no article ${slug}`, { status: 404 })
  await writePage(env.PAGES, key, { body: constantText(sizeOf(url)), etag: '"f"' })
  return new Response('stored')
}

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url)
    const route = `${request.method} ${url.pathname}`
    if (route === 'POST /__bench/floor') return floor(request, env)
    if (route === 'POST /__bench/upload-floor') return uploadFloor(request, env)
    if (route === 'POST /__bench/floor-group') return floorGroup(request, url, env)
    if (route === 'POST /__bench/statements') return statements(request, env)
    if (route === 'POST /__bench/query') return query(request, env)
    if (route === 'GET /__bench/epoch') return epoch(url, env)
    if (route === 'GET /__bench/page') return page(url, env)
    if (route === 'GET /__bench/bytes') return bytes(url)
    if (route === 'GET /__bench/first-view') return firstView(url, env)
    return app.fetch(request, env, ctx)
  },
} satisfies ExportedHandler<Bindings>
