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

/** The slug a key of this site's page names; null for other keys. */
export const slugOfKey = (key: string) => (key.startsWith('/articles/') ? key.slice(10) : null)
