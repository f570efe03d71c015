import type { RelatedLink } from '../../model/article'
import type { Link } from './inline'
import { trimEndOf, trimStartOf } from '../text-clean'
import { squash } from './text'
import { absoluteUrl } from './urls'

const PUNCTUATION = /[\s[\](){}:|•»›>–—-]/
const LABEL =
  /^(?:(?:read|see|watch|listen)(?: also| more)?|related(?: (?:story|stories|articles?|coverage|content|links?))?|also|more|previously|earlier|recommended)/i

/** Text that is no more than a label (`Read more:`, `Related`) and punctuation around it. */
const isLabel = (text: string) =>
  trimStartOf(trimStartOf(text, PUNCTUATION).replace(LABEL, ''), PUNCTUATION) === ''
const OPENING = /^[\s[(]*(?:(?:read|see also|related|watch|listen|more)\s*:\s*)?/i
const CLOSING = /[\s\])]/
/** A link's text without the brackets and `Read:`-style label around it. */
const unwrap = (text: string) => trimEndOf(text.replace(OPENING, ''), CLOSING)

/**
 * The headline a one-link paragraph points to (`[Read: Why Tunisia …]` → `Why Tunisia …`), or
 * null when the paragraph says more than its link and a label.
 */
export function linkTitle(text: string, linkText: string): string | null {
  const link = squash(linkText)
  if (link === '' || !text.includes(link)) return null
  return isLabel(text.replace(link, '')) ? unwrap(link) : null
}

/** A link worth keeping as related: a real http(s) address and a title of two words or more. */
export function relatedLink(link: Link, base: string | null): RelatedLink | null {
  const title = unwrap(squash(link.text))
  if (title.split(' ').length < 2 || link.href.trim().startsWith('#')) return null
  const url = absoluteUrl(link.href, base)
  return url ? { title, url } : null
}
