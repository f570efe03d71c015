import type { Site } from '../model/site'

export const tagPath = (slug: string) => `/tags/${encodeURIComponent(slug)}`
export const authorPath = (slug: string) => `/authors/${encodeURIComponent(slug)}`
export const articleApiPath = (slug: string) => `/api/articles/${encodeURIComponent(slug)}`

export const absoluteUrl = (site: Site, path: string) => site.origin.replace(/\/+$/, '') + path

// Browsers drop tabs and newlines inside URLs, so '/\n/evil.example' would become '//evil.example'.
const WHITESPACE_OR_CONTROL = /[\u0000-\u0020\u007f-\u009f]/
// '//host' and '/\host' are read as another host, not as a path on this one.
const OTHER_HOST = /^\/[/\\]/

/** The URL when it is safe to link: absolute http(s) or a path on this site; otherwise null. */
export function safeHref(url: string | null): string | null {
  if (!url || WHITESPACE_OR_CONTROL.test(url)) return null
  if (url.startsWith('/')) return OTHER_HOST.test(url) ? null : url
  return /^https?:\/\/[^/]/i.test(url) ? url : null
}
