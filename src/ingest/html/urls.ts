/**
 * An absolute http(s) URL for `href` read against `base`, or null: `javascript:`, `data:`,
 * `mailto:` and unparseable values never become links or image sources.
 */
export function absoluteUrl(href: string | null | undefined, base: string | null): string | null {
  const text = href?.trim()
  if (!text || text.length > 2048) return null
  let url: URL
  try {
    url = base ? new URL(text, base) : new URL(text)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  return url.href.length <= 2048 ? url.href : null
}

/** Host labels that name the site: `articles.latimes.com` → `latimes`, `articles`. */
export function hostNames(url: string | null): string[] {
  if (!url) return []
  let host: string
  try {
    host = new URL(url).hostname
  } catch {
    return []
  }
  const labels = host.split('.').filter((l) => l !== 'www' && !/^\d+$/.test(l))
  // Drop the public suffix (`com`, `co.uk`): the label before it is the name.
  const suffix =
    labels.length > 2 && /^(?:co|com|org|net|gov|ac)$/.test(labels.at(-2) ?? '') ? 2 : 1
  return labels.slice(0, Math.max(1, labels.length - suffix)).reverse()
}
