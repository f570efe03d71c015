import type { RelatedLink } from '../../model/article'
import type { Link } from './inline'
import { squash } from './text'
import { absoluteUrl } from './urls'

const PUNCTUATION = String.raw`[\s[\](){}:|•»›>–—-]*`
const LABEL = new RegExp(
  `^${PUNCTUATION}(?:(?:read|see|watch|listen)(?: also| more)?|related(?: (?:story|stories|articles?|coverage|content|links?))?|also|more|previously|earlier|recommended)?${PUNCTUATION}$`,
  'i',
)
const WRAPPING = /^[\s[(]*(?:(?:read|see also|related|watch|listen|more)\s*:\s*)?|[\s\])]+$/gi

/**
 * The headline a one-link paragraph points to (`[Read: Why Tunisia …]` → `Why Tunisia …`), or
 * null when the paragraph says more than its link and a label.
 */
export function linkTitle(text: string, linkText: string): string | null {
  const link = squash(linkText)
  if (link === '' || !text.includes(link)) return null
  return LABEL.test(text.replace(link, '')) ? link.replace(WRAPPING, '') : null
}

/** A link worth keeping as related: a real http(s) address and a title of two words or more. */
export function relatedLink(link: Link, base: string | null): RelatedLink | null {
  const title = squash(link.text).replace(WRAPPING, '')
  if (title.split(' ').length < 2 || link.href.trim().startsWith('#')) return null
  const url = absoluteUrl(link.href, base)
  return url ? { title, url } : null
}
