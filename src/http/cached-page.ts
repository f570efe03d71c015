import type { Context } from 'hono'
import { currentEpoch, rememberedEpoch } from '../cache/epochs'
import { recallPage, rememberBlob, rememberPage, type MemoryPage } from '../cache/memory-pages'
import {
  pageKey,
  readLastPage,
  readPage,
  writePage,
  type CachedPage,
  type PageSpec,
} from '../cache/pages'
import type { AppEnv } from '../env'
import { dbOf, sentBookmark } from './d1-session'
import { limitRender } from './rate-limit'
import { secureHeaders, secureResponse } from './security-headers'
import { sha256Hex } from '../lib/hash'
import { settingsOf } from '../settings'

export const HTML = 'text/html; charset=utf-8'

/**
 * Serves a page from this isolate's memory or KV, or renders it (from D1) and stores it for the
 * next reader. A page is stored under an epoch its render read through the same D1 session,
 * before the page's data: a session never reads back in time, even across replicas, so what is
 * stored under an epoch is never older than it. A client that sent a bookmark has the epoch read
 * through its session, never from memory, so it sees no page older than its own write. With a
 * freshness of 0 nothing is kept in memory: every view asks D1 and KV. A page that is not
 * `shared` (one-off: a search, a later page of a listing) stays out of KV, so anonymous readers
 * cannot spend KV writes by inventing URLs; each render counts against the client's render
 * budget (RENDER_LIMITER). A view that reads nothing from D1 makes no session.
 */
export async function serveCachedPage(
  c: Context<AppEnv>,
  { scope, variant, contentType = HTML, render, shared = true }: PageSpec,
): Promise<Response | null> {
  const freshnessMs = settingsOf(c.env).cacheFreshnessMs
  const inMemory = freshnessMs > 0
  let epoch = sentBookmark(c) ? undefined : rememberedEpoch(scope, freshnessMs)
  const readHere = epoch === undefined
  if (epoch === undefined) {
    // Outside the try: a malformed bookmark is the client's error, not D1 being unreachable.
    const db = dbOf(c)
    try {
      epoch = await currentEpoch(db, scope, freshnessMs)
    } catch (error) {
      // D1 is unreachable: the last page rendered is better than an error, and says it may be old.
      const last = await readLastPage(c.env.PAGES, scope, variant)
      if (!last) throw error
      console.warn('serving a stale page: D1 unavailable', scope, String(error))
      return respond(c, last, contentType, 'STALE')
    }
  }
  const key = pageKey(scope, epoch, variant)
  const remembered = inMemory ? recallPage(key) : null
  if (remembered) return respond(c, remembered, contentType, 'HIT')
  const cached = shared ? await readPage(c.env.PAGES, key) : null
  if (cached) {
    if (inMemory) rememberPage(key, cached)
    return respond(c, cached, contentType, 'HIT')
  }

  await limitRender(c)
  const db = dbOf(c)
  // A remembered epoch was read through another session, maybe from a replica ahead of this one.
  const storeAt = readHere
    ? key
    : pageKey(scope, await currentEpoch(db, scope, freshnessMs), variant)
  const rendered = await render(db)
  if (rendered === null) return null
  // Encoded once: its hash, the KV copy, the memory copy and the response all take these bytes.
  const bytes = encoder.encode(typeof rendered === 'string' ? rendered : rendered.body)
  const etag =
    typeof rendered === 'string' ? `"${(await sha256Hex(bytes)).slice(0, 32)}"` : rendered.etag
  const blob = new Blob([bytes])
  if (inMemory) rememberBlob(storeAt, blob, etag)
  if (shared) c.executionCtx.waitUntil(writePage(c.env.PAGES, storeAt, { body: bytes, etag }))
  return respond(c, { blob, etag }, contentType, 'MISS')
}

const encoder = new TextEncoder()

function respond(
  c: Context<AppEnv>,
  page: CachedPage | MemoryPage,
  contentType: string,
  cache: 'HIT' | 'MISS' | 'STALE',
): Response {
  if (matchesEtag(c.req.header('If-None-Match'), page.etag)) {
    return secureResponse(null, 304, headersOf(contentType, cache, page.etag))
  }
  // A page in memory keeps the headers of its first HIT, built once (a MISS answers a copy).
  if ('blob' in page)
    return secureResponse(
      page.blob,
      200,
      (page.headers ??= headersOf(contentType, cache, page.etag)),
    )
  return secureResponse(page.body, 200, headersOf(contentType, cache, page.etag))
}

// Every header but the ETag is fixed by the content type and the cache outcome: built once each,
// then copied, which costs the runtime less than building a Headers from pairs.
const fixedHeaders = new Map<string, Headers>()

function headersOf(contentType: string, cache: 'HIT' | 'MISS' | 'STALE', etag: string): Headers {
  const kind = `${contentType} ${cache}`
  let fixed = fixedHeaders.get(kind)
  if (!fixed) {
    fixed = secureHeaders({
      'Content-Type': contentType,
      'Cache-Control': 'public, max-age=0, must-revalidate',
      Vary: 'Accept',
      'X-Cache': cache,
    })
    fixedHeaders.set(kind, fixed)
  }
  const headers = new Headers(fixed)
  headers.set('ETag', etag)
  return headers
}

/** Whether an If-None-Match header names this ETag (or `*`). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return (
    header.trim() === '*' ||
    header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
  )
}
