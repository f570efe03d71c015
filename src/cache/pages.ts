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

/** A cache read that fails counts as a miss: the page is rendered from D1 instead. */
export async function readPage(kv: KVNamespace, key: string): Promise<CachedPage | null> {
  try {
    const { value, metadata } = await kv.getWithMetadata<{ etag: string }>(key)
    return value !== null && metadata?.etag ? { body: value, etag: metadata.etag } : null
  } catch (error) {
    console.warn('page cache read failed', key, String(error))
    return null
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
