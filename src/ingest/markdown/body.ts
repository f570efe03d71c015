import type { MarkedToken, Token, Tokens } from 'marked'
import type { Block, LeadImage } from '../../model/article'
import { cleanInline } from '../text-clean'
import { htmlText } from './html-text'
import { inlineText } from './inline'
import { leadImage } from './lead-image'

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
    if (token.type === 'html') {
      const { paragraphs, captions } = htmlText(token.text)
      append(body.blocks, paragraphs.map(paragraph))
      append(body.captions, captions)
    } else append(body.blocks, blocksOf(token))
  }
  return body
}

function blocksOf(token: MarkedToken): Block[] {
  switch (token.type) {
    case 'heading':
      return [{ type: 'heading', level: headingLevel(token.depth), text: inlineText(token.tokens) }]
    case 'blockquote':
      return token.tokens.flatMap((t) => textsOf(t as MarkedToken)).map((text) => quote(text))
    case 'list':
      return [{ type: 'list', ordered: token.ordered, items: listItems(token) }]
    default:
      return textsOf(token).map(paragraph)
  }
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
      return listItems(token)
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

/** An item's blocks joined into one line; a nested list's items follow as items of their own. */
function listItems(list: Tokens.List): string[] {
  const items: string[] = []
  for (const item of list.items) {
    let text: string[] = []
    for (const child of item.tokens as MarkedToken[]) {
      if (child.type !== 'list') append(text, textsOf(child))
      else {
        items.push(text.join(' '))
        append(items, listItems(child))
        text = []
      }
    }
    items.push(text.join(' '))
  }
  return items
}

// `push(...items)` passes each item as an argument: too many overflow the stack.
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item)
}

const paragraph = (text: string): Block => ({ type: 'paragraph', text })
const quote = (text: string): Block => ({ type: 'quote', text })
const sameText = (a: string, b: string) =>
  cleanInline(a).toLowerCase() === cleanInline(b).toLowerCase()
