import type { Block, RelatedLink, Span } from '../../model/article'
import { isCaption } from '../caption'
import type { Level } from './classes'
import { splitCredit } from './figures'
import type { Segment } from './inline'
import { linkTitle, relatedLink } from './links'
import { absoluteUrl } from './urls'

export interface Body {
  blocks: Block[]
  captions: string[]
  related: RelatedLink[]
}

export interface Context extends Body {
  level: Level
  base: string | null
}

/** One run of inline text: a paragraph, a caption, a related link, or chrome to drop. */
export function paragraph(segment: Segment, explicit: boolean, context: Context): void {
  // Lines stay apart for now: an old page's byline and date lines are told apart by readLead.
  const lines = segment.text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim()
  const text = lines.replace(/\n/g, ' ')
  if (!/[\p{L}\p{N}]/u.test(text)) return
  // A paragraph that is one link (`[Read: …]`, `Five things we learned`) points elsewhere.
  const only = segment.links.length === 1 ? segment.links[0] : undefined
  if (only && linkTitle(text, only.text) !== null) {
    const link = relatedLink(only, context.base)
    if (link) context.related.push(link)
    return
  }
  if (mostlyLinks(segment, text) || BOILERPLATE.test(text)) return
  if (text.length < 300 && COPYRIGHT.test(text)) return
  if (text.length < 500 && isPromo(text)) return
  // Loose text outside any <p>: labels and buttons are short and unpunctuated.
  if (!explicit && text.length < 40 && !/[.!?…"”’)]$/.test(text)) return
  if (text.length < 300 && isCaption(text)) return addCaption(text, context)
  // A line set in italics right under a picture without a caption is its caption.
  const last = context.blocks.at(-1)
  if (last?.type === 'figure' && last.text === '' && text.length < 200 && italic(segment)) {
    const split = splitCredit(text)
    context.blocks[context.blocks.length - 1] = {
      ...last,
      text: split.caption,
      credit: last.credit ?? split.credit,
    }
    return
  }
  context.blocks.push({
    type: 'paragraph',
    text: lines,
    spans: resolveRuns(segment.runs, context.base),
  })
}

const italic = (segment: Segment) =>
  segment.runs.every((run) => run.em || run.br || run.text.trim() === '')

/**
 * Links with little text around them (a menu, a list of stories), but not a sentence that links
 * much of itself: a full sentence with four words or more of its own, and two for each link.
 */
function mostlyLinks(segment: Segment, text: string): boolean {
  if (segment.linkChars <= text.length / 2) return false
  if (!/[.!?"”’)]$/.test(text)) return true
  let own = text
  for (const link of segment.links) own = own.replace(link.text.trim(), ' ')
  const words = (own.match(/[\p{L}\p{N}]+/gu) ?? []).length
  return words < 4 || words < 2 * segment.links.length
}

const BOILERPLATE =
  /^(?:advertisement|skip advertisement|story continues below(?: advertisement)?|continue reading(?: the main story| below)?|scroll to continue(?: with content)?|sponsored content|(?:read|see) (?:more|also)|also read|related(?: stories| coverage| articles)?|more on this(?: story)?|share this (?:article|story))\s*:?$|^follow (?:us|@?\w+(?: \w+)?) on (?:twitter|x|facebook|instagram)\b/i

// The site asking for something (a subscription, a follow, its forum), not the article; `Join us
// on Saturday` in a club's post is an invitation, kept.
const PROMO =
  /^(?:subscribe (?:to|now)\b|sign up (?:for|to) (?:our|my)\b|join our (?:[\w-]+ ){0,3}(?:forums?|community|newsletter|mailing list|club|membership|discord|subscribers)\b|become a (?:member|subscriber)\b|if you (?:enjoyed|liked|value|appreciate) (?:this|our)\b)/i
const FOLLOW =
  /\bfollow (?:us|him|her|me|them) (?:on (?:twitter|facebook|instagram|linkedin|x)\b|@)/i
const isPromo = (text: string) => PROMO.test(text) || (text.includes('ollow') && FOLLOW.test(text))

const COPYRIGHT = /^(?:copyright\b|©|\(c\)\s)|all rights reserved\.?$/i
// `Slideshow (3 images)`, `Video`: a player's label, not a caption.
const MEDIA_LABEL =
  /^(?:(?:slideshow|gallery|photos?|images?|video|audio|play(?: video)?)(?:\s*\(\s*\d+[^)]*\))?|\d+\s+of\s+\d+)$/i

export function addCaption(text: string, context: Context): void {
  if (text === '' || MEDIA_LABEL.test(text) || context.captions.includes(text)) return
  context.captions.push(text)
}

/** Runs with each href made absolute against the page's URL, or dropped (the text stays). */
export function resolveRuns(runs: Span[], base: string | null): Span[] {
  return runs.map(({ href, ...run }) => {
    const url = href === undefined ? null : absoluteUrl(href, base)
    return url ? { ...run, href: url } : run
  })
}
