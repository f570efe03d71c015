/** A string of XML this code made: text and attribute values inside it are already escaped. */
export type Markup = string & { readonly __markup: true }

// XML 1.0 Char excludes C0 controls but tab, LF and CR; U+FFFE, U+FFFF; and surrogates. With the
// `u` flag a surrogate range matches only lone surrogates, so astral characters survive.
const ILLEGAL_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** The text without the characters no XML 1.0 document may contain, even as references. */
export const stripIllegalXml = (text: string) => text.replace(ILLEGAL_IN_XML, '')

/** Text or an attribute value, safe in either place. */
export const escapeXml = (text: string) =>
  stripIllegalXml(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)

type Attributes = Record<string, string | null | undefined>

/**
 * `<name a="…">content</name>`, or `<name a="…"/>` without content. String content is text and
 * is escaped; an array is child elements, one per line. Null and undefined attributes are left out.
 */
export function el(name: string, attributes: Attributes = {}, content?: string | Markup[]): Markup {
  let open = name
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) open += ` ${key}="${escapeXml(value)}"`
  }
  if (content === undefined) return `<${open}/>` as Markup
  const inner = typeof content === 'string' ? escapeXml(content) : `\n${content.join('\n')}\n`
  return `<${open}>${inner}</${name}>` as Markup
}

/** A complete document: the declaration, then the root element. */
export const xmlDocument = (root: Markup) => `<?xml version="1.0" encoding="utf-8"?>\n${root}\n`
