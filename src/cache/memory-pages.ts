import type { CachedPage } from './pages'

/**
 * The most recently used rendered pages of this isolate, by their versioned KV key. A key's page
 * never changes, so this layer needs no invalidation of its own; it only saves the KV read.
 */
const MAX_CHARS = 8 * 1024 * 1024
const pages = new Map<string, CachedPage>()
let chars = 0

export function recallPage(key: string): CachedPage | null {
  const page = pages.get(key)
  if (!page) return null
  pages.delete(key)
  pages.set(key, page)
  return page
}

export function rememberPage(key: string, page: CachedPage): void {
  if (page.body.length > MAX_CHARS / 8 || pages.has(key)) return
  pages.set(key, page)
  chars += page.body.length
  for (const [oldest, old] of pages) {
    if (chars <= MAX_CHARS) break
    pages.delete(oldest)
    chars -= old.body.length
  }
}
