/**
 * Whether a stored link target may render as a link: an absolute http(s) URL, or a path on this
 * site (`/articles/…`). Everything else (`javascript:`, `data:`, `vbscript:`, protocol-relative
 * `//host`, `\\host`, relative paths) is text. Checked at ingest and again when rendering.
 */
export function isSafeHref(href: string): boolean {
  if (href.length > 2048 || /[\s\u0000-\u001f]/.test(href)) return false
  if (href.startsWith('/')) return !/^\/[/\\]/.test(href)
  if (!/^https?:\/\//i.test(href)) return false
  try {
    const url = new URL(href)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}
