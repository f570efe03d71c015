import type { Block, Span } from './article'

/**
 * What a link's target is compared by, to find the stored article it names: a link in one
 * article's text and another article's `sourceUrl` name the same page when their keys are equal.
 *
 * - An absolute http(s) URL: `//host/path?query`. The scheme is dropped (a page moved to https is
 *   still linked as http), the host is lowercased and a default port dropped (as URL does), the
 *   fragment and any trailing slashes of the path dropped; the query is kept, since it may name
 *   the page.
 * - A page of this site, `/articles/<slug>` (a trailing slash, query or fragment dropped).
 * - Anything else (other paths here, other schemes): null, never matched.
 *
 * Migration 0014 computes the same keys in SQL for articles stored before it (URLs as the
 * parsers store them, WHATWG-serialized), so the two must change together.
 */
export function linkKey(href: string): string | null {
  const target = href.replace(/#[^]*$/, '')
  if (target.startsWith('/')) {
    const path = target.replace(/\?[^]*$/, '').replace(/\/+$/, '')
    return /^\/articles\/[^/]+$/.test(path) ? path : null
  }
  if (!/^https?:\/\//i.test(target)) return null
  let url: URL
  try {
    url = new URL(target)
  } catch {
    return null
  }
  return `//${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}`
}

/** The key of this site's page of an article. */
export const pageKey = (slug: string) => `/articles/${slug}`

/** Every run of a body's text blocks and list items. */
export function* runsOf(body: readonly Block[]): Generator<Span> {
  for (const block of body) {
    if (block.type === 'list') {
      for (const spans of block.itemSpans ?? []) if (spans) yield* spans
    } else if (block.type !== 'figure' && block.spans) yield* block.spans
  }
}

/** The keys of the targets of a body's links, each once. */
export function linkKeysOf(body: readonly Block[]): string[] {
  const keys = new Set<string>()
  for (const run of runsOf(body)) {
    const key = run.href && linkKey(run.href)
    if (key) keys.add(key)
  }
  return [...keys]
}
