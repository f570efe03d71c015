import { decodeHTMLStrict } from 'entities'
import type { MarkedToken, Token } from 'marked'
import type { Span } from '../../model/article'

// Raw-text elements hold code or styles, never words a reader sees.
const HIDDEN = /^<(script|style|template)(?=[\s>])[^>]*(?<!\/)>$/i
const BREAK = /^<(?:br|\/?(?:p|div|li|tr|td|th|h[1-6]))\b/i

type Marks = Omit<Span, 'text'>

/**
 * Where a link's target points, or null when it may not be a link: resolved against `base` (the
 * post's URL) when there is one; without one, only absolute http(s) URLs and root-relative paths
 * (this site's own pages) are links.
 */
export type Resolve = (href: string) => string | null

/**
 * Inline tokens as the plain text a reader sees: emphasis and links flattened to their text, link
 * targets, images and HTML tags dropped, character references decoded (outside code).
 */
export const inlineText = (tokens: readonly Token[]): string =>
  inlineRuns(tokens, () => null)
    .map((run) => run.text)
    .join('')

/** The same text as marked runs: links (resolved by `resolve`), emphasis, hard line breaks. */
export function inlineRuns(tokens: readonly Token[], resolve: Resolve): Span[] {
  const out: Span[] = []
  visit(tokens, {}, resolve, out)
  return out
}

function visit(tokens: readonly Token[], marks: Marks, resolve: Resolve, out: Span[]): void {
  const add = (text: string, extra: Marks = marks) => out.push({ text, ...extra })
  let hidden: RegExp | null = null
  for (const token of tokens as readonly MarkedToken[]) {
    if (hidden) {
      if (token.type === 'html' && hidden.test(token.text)) hidden = null
      continue
    }
    switch (token.type) {
      case 'text':
        if (token.tokens) visit(token.tokens, marks, resolve, out)
        else add(decodeHTMLStrict(token.text))
        break
      case 'escape':
      case 'codespan':
        add(token.text)
        break
      case 'strong':
        visit(token.tokens, { ...marks, strong: true }, resolve, out)
        break
      case 'em':
        visit(token.tokens, { ...marks, em: true }, resolve, out)
        break
      case 'del':
        visit(token.tokens, marks, resolve, out)
        break
      case 'link': {
        const href = marks.href ? null : resolve(token.href)
        const inner = href ? { ...marks, href } : marks
        // An autolink's text is the literal URL: no references to decode.
        if (token.autolink) add(token.text, inner)
        else visit(token.tokens, inner, resolve, out)
        break
      }
      case 'br':
        add('\n', { br: true })
        break
      case 'html': {
        const name = HIDDEN.exec(token.text)?.[1]
        if (name) hidden = new RegExp(`^</${name}\\s*>$`, 'i')
        else if (BREAK.test(token.text)) add(' ', {})
        break
      }
    }
  }
}
