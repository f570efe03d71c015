import type { MarkedToken, Token, Tokens } from 'marked'
import { decodeHTMLStrict } from 'entities'
import type { Block, LeadImage, Span } from '../../model/article'
import { isSafeHref } from '../../model/href'
import { cleanInline } from '../text-clean'
import { htmlText } from './html-text'
import { inlineRuns, inlineText, type Resolve } from './inline'
import { absoluteUrl, leadImage, onlyImage } from './lead-image'

export interface Body {
  /** The first top-level `#` heading, when the front matter names no title. */
  title: string | null
  blocks: Block[]
  captions: string[]
  image: LeadImage | null
}

/**
 * Top-level tokens to body blocks. `title`: the front matter's title, so that an h1 repeating it
 * is dropped; `base`: the article's URL, against which a relative lead image URL is resolved.
 */
export function readBody(
  tokens: readonly Token[],
  title: string | null,
  base: string | null,
): Body {
  const body: Body = { title: null, blocks: [], captions: [], image: null }
  const resolve = resolver(base)
  let h1Seen = false
  let firstParagraph = true
  for (const token of tokens as readonly MarkedToken[]) {
    if (token.type === 'heading' && token.depth === 1 && !h1Seen) {
      h1Seen = true
      const text = inlineText(token.tokens)
      if (title === null) body.title = text
      if (title === null || sameText(text, title)) continue
    }
    if (token.type === 'paragraph' && firstParagraph) {
      firstParagraph = false
      body.image = leadImage(token.tokens, base)
      if (body.image) continue
    }
    const shown = token.type === 'paragraph' ? figure(token.tokens, base) : null
    if (shown) {
      body.blocks.push(shown)
      continue
    }
    if (token.type === 'html') {
      const { paragraphs, captions } = htmlText(token.text)
      append(body.blocks, paragraphs.map(paragraph))
      append(body.captions, captions)
    } else append(body.blocks, blocksOf(token, resolve))
  }
  return body
}

/**
 * Link targets resolved against the post's URL; without one, absolute http(s) URLs and
 * root-relative paths (this site's pages) are links, and every other target is text.
 */
function resolver(base: string | null): Resolve {
  return (href) => {
    const text = href.trim()
    if (!base && text.startsWith('/')) return isSafeHref(text) ? text : null
    return absoluteUrl(text, base)
  }
}

/** A paragraph that is one image, past the first (the lead), as a figure; its title the caption. */
function figure(tokens: readonly Token[], base: string | null): Block | null {
  const image = onlyImage(tokens)
  const url = image && absoluteUrl(image.href, base)
  if (!image || !url) return null
  const caption = cleanInline(decodeHTMLStrict(image.title ?? ''))
  return { type: 'figure', text: caption, url, alt: inlineText(image.tokens), credit: null }
}

function blocksOf(token: MarkedToken, resolve: Resolve): Block[] {
  switch (token.type) {
    case 'heading': {
      const level = headingLevel(token.depth)
      return [{ type: 'heading', level, ...rich(token.tokens, resolve) }]
    }
    case 'blockquote':
      return token.tokens.flatMap((t) =>
        richOf(t as MarkedToken, resolve).map((r): Block => ({ type: 'quote', ...r })),
      )
    case 'list': {
      const items = listItems(token, resolve)
      const itemSpans = items.map((item) => item.spans ?? null)
      return [{ type: 'list', ordered: token.ordered, items: items.map((i) => i.text), itemSpans }]
    }
    default:
      return richOf(token, resolve).map((r): Block => ({ type: 'paragraph', ...r }))
  }
}

interface Rich {
  text: string
  spans?: Span[]
}

const rich = (tokens: readonly Token[], resolve: Resolve): Rich => {
  const spans = inlineRuns(tokens, resolve)
  return { text: spans.map((s) => s.text).join(''), spans }
}

/** A paragraph's text with its runs; any other block's texts, plain. */
function richOf(token: MarkedToken, resolve: Resolve): Rich[] {
  if (token.type === 'paragraph') return [rich(token.tokens, resolve)]
  if (token.type === 'blockquote')
    return token.tokens.flatMap((t) => richOf(t as MarkedToken, resolve))
  return textsOf(token).map((text) => ({ text }))
}

// The h1 is the title; h5 and h6 are as deep as h4 gets.
const headingLevel = (depth: number): 2 | 3 | 4 => (depth <= 2 ? 2 : depth === 3 ? 3 : 4)

/** The plain texts of a block, one per paragraph, list item or table row. */
function textsOf(token: MarkedToken): string[] {
  switch (token.type) {
    case 'paragraph':
    case 'heading':
      return [inlineText(token.tokens)]
    case 'text':
      return [token.tokens ? inlineText(token.tokens) : token.text]
    case 'code':
      return [token.text]
    case 'blockquote':
      return token.tokens.flatMap((t) => textsOf(t as MarkedToken))
    case 'list':
      return listItems(token, NO_LINKS).map((item) => item.text)
    case 'table':
      return [token.header, ...token.rows].map((row) =>
        row
          .map((cell) => inlineText(cell.tokens))
          .filter((cell) => cell.trim() !== '')
          .join(' | '),
      )
    case 'html': {
      const { paragraphs, captions } = htmlText(token.text)
      return [...paragraphs, ...captions]
    }
    default:
      return []
  }
}

const NO_LINKS: Resolve = () => null

/**
 * An item's blocks joined into one line, with the runs of its text and paragraphs; a nested list's
 * items follow as items of their own.
 */
function listItems(list: Tokens.List, resolve: Resolve): Rich[] {
  const items: Rich[] = []
  for (const item of list.items) {
    let parts: Rich[] = []
    for (const child of item.tokens as MarkedToken[]) {
      if (child.type !== 'list') append(parts, itemParts(child, resolve))
      else {
        items.push(joined(parts))
        append(items, listItems(child, resolve))
        parts = []
      }
    }
    items.push(joined(parts))
  }
  return items
}

function itemParts(token: MarkedToken, resolve: Resolve): Rich[] {
  if (token.type === 'paragraph' || (token.type === 'text' && token.tokens)) {
    return [rich(token.tokens!, resolve)]
  }
  return textsOf(token).map((text) => ({ text }))
}

/** Parts of one item, a space apart, as text and runs. */
function joined(parts: readonly Rich[]): Rich {
  const spans: Span[] = []
  parts.forEach((part, i) => {
    if (i > 0) spans.push({ text: ' ' })
    append(spans, part.spans ?? [{ text: part.text }])
  })
  return { text: parts.map((p) => p.text).join(' '), spans }
}

// `push(...items)` passes each item as an argument: too many overflow the stack.
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item)
}

const paragraph = (text: string): Block => ({ type: 'paragraph', text })
const sameText = (a: string, b: string) =>
  cleanInline(a).toLowerCase() === cleanInline(b).toLowerCase()
