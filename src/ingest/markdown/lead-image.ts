import { decodeHTMLStrict } from 'entities'
import type { MarkedToken, Token, Tokens } from 'marked'
import type { LeadImage } from '../../model/article'
import { cleanInline } from '../text-clean'
import { inlineText } from './inline'

/**
 * A paragraph that is one image and nothing else (`![alt](url "title")`, maybe wrapped in a
 * link) as a lead image: its title, else its alt text, is the caption. Null when the paragraph
 * holds anything else or the URL is not http(s), even against `base`.
 */
export function leadImage(tokens: readonly Token[], base: string | null): LeadImage | null {
  const image = onlyImage(tokens)
  const url = image && absoluteUrl(image.href, base)
  if (!image || !url) return null
  const caption =
    cleanInline(decodeHTMLStrict(image.title ?? '')) || cleanInline(inlineText(image.tokens))
  return { url, caption: caption || null }
}

export function onlyImage(tokens: readonly Token[]): Tokens.Image | null {
  const content = (tokens as readonly MarkedToken[]).filter(
    (t) => !(t.type === 'br' || (t.type === 'text' && t.text.trim() === '')),
  )
  const [only] = content
  if (content.length !== 1 || !only) return null
  if (only.type === 'image') return only
  return only.type === 'link' ? onlyImage(only.tokens) : null
}

/** The URL, resolved against `base` when relative, if it is http(s) and of a sane length. */
export function absoluteUrl(href: string, base: string | null): string | null {
  try {
    const url = new URL(href.trim(), base ?? undefined)
    const ok = (url.protocol === 'http:' || url.protocol === 'https:') && url.href.length <= 2048
    return ok ? url.href : null
  } catch {
    return null
  }
}
