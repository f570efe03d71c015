import { decodeHTMLStrict } from 'entities'
import type { MarkedToken, Token } from 'marked'

// Raw-text elements hold code or styles, never words a reader sees.
const HIDDEN = /^<(script|style|template)(?=[\s>])[^>]*(?<!\/)>$/i
const BREAK = /^<(?:br|\/?(?:p|div|li|tr|td|th|h[1-6]))\b/i

/**
 * Inline tokens as the plain text a reader sees: emphasis and links flattened to their text, link
 * targets, images and HTML tags dropped, character references decoded (outside code).
 */
export function inlineText(tokens: readonly Token[]): string {
  let out = ''
  let hidden: RegExp | null = null
  for (const token of tokens as readonly MarkedToken[]) {
    if (hidden) {
      if (token.type === 'html' && hidden.test(token.text)) hidden = null
      continue
    }
    switch (token.type) {
      case 'text':
        out += token.tokens ? inlineText(token.tokens) : decodeHTMLStrict(token.text)
        break
      case 'escape':
      case 'codespan':
        out += token.text
        break
      case 'strong':
      case 'em':
      case 'del':
        out += inlineText(token.tokens)
        break
      case 'link':
        // An autolink's text is the literal URL: no references to decode.
        out += token.autolink ? token.text : inlineText(token.tokens)
        break
      case 'br':
        out += '\n'
        break
      case 'html': {
        const name = HIDDEN.exec(token.text)?.[1]
        if (name) hidden = new RegExp(`^</${name}\\s*>$`, 'i')
        else if (BREAK.test(token.text)) out += ' '
        break
      }
    }
  }
  return out
}
