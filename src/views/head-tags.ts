import { raw } from 'hono/html'
import { escapeToBuffer, type HtmlEscapedString } from 'hono/utils/html'

/**
 * A `<meta>` or `<link>` of the document head as markup, written as hono's JSX writes it
 * (`<link rel="…" href="…"/>`, values escaped the same way). hono renders each JSX `<link>`
 * (and each `<meta>` outside a `<head>` element) through its head-hoisting machinery, which
 * rewrites the whole document once per tag when the render ends; these are plain strings.
 */
export function headTag(
  name: 'meta' | 'link',
  attributes: Record<string, string | null | undefined>,
): HtmlEscapedString {
  const buffer: [string] = [`<${name}`]
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue
    buffer[0] += ` ${key}="`
    escapeToBuffer(value, buffer)
    buffer[0] += '"'
  }
  return raw(`${buffer[0]}/>`)
}

/** Several head tags as one string. */
export const headTags = (tags: HtmlEscapedString[]): HtmlEscapedString => raw(tags.join(''))
