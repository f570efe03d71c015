import type { Db } from '../db/client'

/**
 * Rendered pages in KV. Keys name the render version, the page (its scope and variant) and the
 * epoch of its scope (`v3:page:article:<slug>:html@<epoch>`), so a key's value never changes:
 * invalidation is an epoch bump in D1 (see invalidate.ts), not a KV write, and one render is one
 * KV write. Bump RENDER_VERSION when templates change.
 */
const RENDER_VERSION = 'v3'

/** Superseded keys are never read again; let KV drop them. */
const PAGE_TTL_SECONDS = 30 * 24 * 3600

export interface CachedPage {
  body: string
  etag: string
}

/** A page the cache can serve: where it belongs, and how to make it when no copy is stored. */
export interface PageSpec {
  /** The cache scope whose epoch the key embeds (see scopes.ts). */
  scope: string
  /** What distinguishes this page within its scope: format, cursor, query. */
  variant: string
  /** Default `text/html; charset=utf-8`. */
  contentType?: string
  /**
   * The page from D1 (the request's session, given only when the page must be rendered), or null
   * when there is nothing to show (the caller answers 404). A page given as a string gets a hash
   * of itself as its ETag.
   */
  render: (db: Db) => Promise<string | CachedPage | null>
  /**
   * Worth a KV entry (default): a page many readers ask for. A one-off page (a search, a later
   * page of a listing, any URL a reader can vary without end) is kept in the isolate's memory
   * only.
   */
  shared?: boolean
}

/** Every key of one page, whatever its epoch: the variant is escaped so it holds no `@`. */
const pagePrefix = (scope: string, variant: string) =>
  `${RENDER_VERSION}:page:${scope}:${encodeURIComponent(variant)}@`

/**
 * Digits of an epoch complemented (9 - d, 16 wide), so a newer epoch sorts first in a KV list:
 * 10^16 - 1 - epoch, in two halves of 8 digits (10^16 is past the integers a double holds exactly).
 */
const HALF = 1e8
const complement = (n: number) => String(HALF - 1 - n).padStart(8, '0')
const newestFirst = (epoch: number) =>
  complement(Math.floor(epoch / HALF)) + complement(epoch % HALF)

export const pageKey = (scope: string, epoch: number, variant: string) =>
  pagePrefix(scope, variant) + newestFirst(epoch)

/**
 * The newest page stored for a scope and variant, whatever its epoch: served (marked stale) only
 * when D1 cannot be asked for the current epoch. One KV list (eventually consistent, which is
 * good enough for a page already known to be old), so normal renders need no second write.
 */
export async function readLastPage(
  kv: KVNamespace,
  scope: string,
  variant: string,
): Promise<CachedPage | null> {
  try {
    const { keys } = await kv.list({ prefix: pagePrefix(scope, variant), limit: 1 })
    return keys[0] ? await readPage(kv, keys[0].name) : null
  } catch (error) {
    console.warn('page cache list failed', scope, variant, String(error))
    return null
  }
}

/** A KV read that has not answered by then counts as a miss. */
const READ_TIMEOUT_MS = 500

/** A cache read that fails counts as a miss: the page is rendered from D1 instead. */
export async function readPage(kv: KVNamespace, key: string): Promise<CachedPage | null> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), READ_TIMEOUT_MS)
  })
  try {
    const read = kv.getWithMetadata<{ etag: string }>(key)
    const result = await Promise.race([read, timeout])
    if (result === null) {
      console.warn('page cache read timed out', key)
      return null
    }
    const { value, metadata } = result
    return value !== null && metadata?.etag ? { body: value, etag: metadata.etag } : null
  } catch (error) {
    console.warn('page cache read failed', key, String(error))
    return null
  } finally {
    clearTimeout(timer)
  }
}

/** A page as KV takes it: its text, or that text already encoded (a render's bytes). */
export interface PageToStore {
  body: string | Uint8Array
  etag: string
}

/** A cache write that fails is logged and forgotten: the next reader renders again. */
export async function writePage(kv: KVNamespace, key: string, page: PageToStore): Promise<void> {
  try {
    await kv.put(key, page.body, { metadata: { etag: page.etag }, expirationTtl: PAGE_TTL_SECONDS })
  } catch (error) {
    console.warn('page cache write failed', key, String(error))
  }
}
