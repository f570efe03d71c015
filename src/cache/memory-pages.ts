import type { CachedPage } from './pages'

/**
 * The most recently used rendered pages of this isolate, by their versioned KV key, encoded once.
 * A key's page never changes, so this layer needs no invalidation of its own: it saves the KV
 * read and the encoding.
 */
export interface MemoryPage {
  bytes: Uint8Array<ArrayBuffer>
  etag: string
}

const MAX_BYTES = 8 * 1024 * 1024
const encoder = new TextEncoder()
const pages = new Map<string, MemoryPage>()
let size = 0

export function recallPage(key: string): MemoryPage | null {
  const page = pages.get(key)
  if (!page) return null
  pages.delete(key)
  pages.set(key, page)
  return page
}

export function rememberPage(key: string, { body, etag }: CachedPage): void {
  if (pages.has(key)) return
  const bytes = encoder.encode(body) as Uint8Array<ArrayBuffer>
  if (bytes.byteLength > MAX_BYTES / 8) return
  pages.set(key, { bytes, etag })
  size += bytes.byteLength
  for (const [oldest, old] of pages) {
    if (size <= MAX_BYTES) break
    pages.delete(oldest)
    size -= old.bytes.byteLength
  }
}
