import { eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import { cacheEpochs } from '../db/schema'

/**
 * Rendered pages in KV. Keys embed the render version and the epoch of the page's scope
 * (`v1:page:article:<slug>@7:html`), so a key's value never changes: invalidation is an epoch bump
 * in D1 (see invalidate.ts), not a KV write. Bump RENDER_VERSION when templates change.
 */
const RENDER_VERSION = 'v1'

/** Superseded keys are never read again; let KV drop them. */
const PAGE_TTL_SECONDS = 30 * 24 * 3600

export interface CachedPage {
  body: string
  etag: string
}

export async function scopeEpoch(db: Db, scope: string): Promise<number> {
  const row = await db
    .select({ epoch: cacheEpochs.epoch })
    .from(cacheEpochs)
    .where(eq(cacheEpochs.scope, scope))
    .get()
  return row?.epoch ?? 0
}

export const pageKey = (scope: string, epoch: number, variant: string) =>
  `${RENDER_VERSION}:page:${scope}@${epoch}:${variant}`

/**
 * The last page rendered for a scope and variant, whatever its epoch: served (marked stale) only
 * when D1 cannot be asked for the current epoch. Overwritten at most once per render.
 */
export const lastPageKey = (scope: string, variant: string) =>
  `${RENDER_VERSION}:last:${scope}:${variant}`

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

/** A cache write that fails is logged and forgotten: the next reader renders again. */
export async function writePage(kv: KVNamespace, key: string, page: CachedPage): Promise<void> {
  try {
    await kv.put(key, page.body, { metadata: { etag: page.etag }, expirationTtl: PAGE_TTL_SECONDS })
  } catch (error) {
    console.warn('page cache write failed', key, String(error))
  }
}
