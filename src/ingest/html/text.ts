import { decodeHTML } from 'entities'
import { BLOCK, type El, type Node } from './tree'

/** Whitespace runs to one space, trimmed. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim()

const NON_ASCII = /[^\0-\x7f]/

/** Lowercase letters and digits only: `The Washington Post` → `thewashingtonpost`. */
export function letters(text: string): string {
  const lower = text.toLowerCase()
  // Most text is ASCII, where the plain class matches the same characters several times faster.
  return NON_ASCII.test(lower)
    ? lower.replace(/[^\p{L}\p{N}]+/gu, '')
    : lower.replace(/[^a-z0-9]+/g, '')
}

/** All the text under a node, `<br>` and the edges of blocks (`<li>`, `<p>`) read as a space. */
export function textOf(node: Node): string {
  if (typeof node === 'string') return node
  if (node.tag === 'br') return ' '
  let text = ''
  for (const child of node.children) {
    text += typeof child !== 'string' && BLOCK.has(child.tag) ? ` ${textOf(child)} ` : textOf(child)
  }
  return text
}

/** Fills in `chars`, `linkChars` and `commas` for every element under `el`. */
export function measure(el: El, inLink = false): void {
  const link = inLink || el.tag === 'a'
  let chars = 0
  let commas = 0
  let linkChars = 0
  for (const child of el.children) {
    if (typeof child === 'string') {
      chars += child.length
      commas += countCommas(child)
      if (link) linkChars += child.length
    } else {
      measure(child, link)
      chars += child.chars
      commas += child.commas
      linkChars += child.linkChars
    }
  }
  el.chars = chars
  el.commas = commas
  el.linkChars = linkChars
}

export const linkDensity = (el: El): number => (el.chars === 0 ? 0 : el.linkChars / el.chars)

function countCommas(text: string): number {
  let count = 0
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) count++
  return count
}

const ENTITY = /&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});/i
const TAG = /<\/?[a-z][^<>]*>/gi
const SCRIPT = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi

/**
 * Text from an attribute or JSON-LD: the parser decoded one level of entities, but CMSes often
 * escape twice or leave markup in; none of it may reach a stored field.
 */
export function plain(value: string): string {
  // No title, name, date or address runs longer; the cap bounds every regex below.
  let text = value.slice(0, 2000)
  // Twice at most: `&amp;amp;` is a common double escape, and decoding must end.
  for (let i = 0; i < 2 && ENTITY.test(text); i++) text = decodeHTML(text)
  return squash(text.replace(SCRIPT, ' ').replace(TAG, ' '))
}
