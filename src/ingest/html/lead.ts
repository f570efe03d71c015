import type { Block } from '../../model/article'
import { parseByline } from '../byline'
import { splitDateline } from '../dateline'
import { isRoleLine, namesIn } from './authors'
import { dateLine } from './dates'
import { letters } from './text'

export interface Lead {
  blocks: Block[]
  dateline: string | null
  /** A `By …` line opening the text, or a `— Name` sign-off closing it. */
  authors: string[]
  /** A date line opening the text (`March 3, 2004`, `Posted: March 3, 2004 5:00 PM`). */
  publishedAt: string | null
}

const AGENCY = /\(\s*(\p{Lu}[\p{L} .&-]{0,30}?)\s*\)\s*(?:--|—|–|-)\s*$/u

/**
 * Old pages keep the headline, byline and date in the text itself, a line each; pages of every
 * age open with a dateline, and many set their date element (`dates`, its texts) above the text. These are taken off the body here, and the headline repeated as a
 * heading is dropped.
 */
export function readLead(
  blocks: Block[],
  title: string,
  sites: string[],
  dates: string[] = [],
): Lead {
  const titleKey = letters(title)
  // Lines that are the text of the page's date elements, in any language or format.
  const dateKeys = new Set(dates.map(letters).filter((key) => key !== ''))
  // Headings before the first paragraph are the headline, its kicker or its dek again.
  const opens = blocks.findIndex((b) => b.type !== 'heading')
  const body = blocks.filter(
    (b, i) => b.type !== 'heading' || (i > opens && letters(b.text) !== titleKey),
  )
  const lead: Lead = { blocks: body, dateline: null, authors: [], publishedAt: null }

  for (let i = 0; i < 3 && body.length > 1;) {
    const block = body[i]
    // A photo above the text: the byline and date lines may follow it.
    if (block?.type === 'figure') {
      i++
      continue
    }
    if (block?.type !== 'paragraph' || block.text.length > 400) break
    const lines = block.text.split('\n')
    let byline = false
    const used = lines.findIndex((line) => {
      const names = /^by\s/i.test(line) ? namesIn(line, sites) : []
      const date = dateLine(line)
      const key = letters(line)
      const known =
        names.length > 0 ||
        date ||
        key === titleKey ||
        dateKeys.has(key) ||
        (byline && isRoleLine(line))
      if (names.length > 0 && lead.authors.length === 0) lead.authors = names
      if (date) lead.publishedAt ??= date
      byline ||= names.length > 0
      return !known
    })
    if (used === 0) break
    if (used > 0) {
      // The runs keep their marks; finalize cuts them to the text that is left.
      body[i] = { ...block, text: lines.slice(used).join('\n') }
      break
    }
    body.splice(i, 1)
  }

  const last = body.at(-1)
  if (last?.type === 'paragraph' && /^(?:--|—|–)/.test(last.text)) {
    const names = parseByline(last.text)
    if (names && names.length > 0) {
      if (lead.authors.length === 0) lead.authors = names
      body.pop()
    }
  }
  const first = body.findIndex((b) => b.type === 'paragraph')
  const opening = body[first]
  if (opening?.type === 'paragraph') {
    const { dateline, text } = readDateline(opening.text)
    if (dateline) {
      lead.dateline = dateline
      body[first] = { ...opening, text }
    }
  }
  return lead
}

// `LONDON, Feb 3 (Reuters) -`, `Washington (CNN)`, `(CNN) —`: wire styles the archive never had.
const WIRE = new RegExp(
  String.raw`^((?:\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,4}(?:,\s+\p{Lu}[\p{L}.]+){0,2}(?:,\s+\p{Lu}[a-z]{2,8}\.?\s+\d{1,2})?\s*)?\((?:CNN|AP|Reuters|AFP|UPI|Bloomberg|CNBC|BBC|dpa|Xinhua|PA|KHN|CBS|NBC|ABC|MarketWatch)\))\s*(?:(?:--|—|–|-)\s*)?(?=\S)`,
  'u',
)

function readDateline(paragraph: string): { dateline: string | null; text: string } {
  const { dateline, text } = splitDateline(paragraph)
  if (dateline) {
    const agency = AGENCY.exec(paragraph.slice(0, paragraph.length - text.length))
    return { dateline: agency ? `${dateline} (${agency[1]})` : dateline, text }
  }
  const wire = WIRE.exec(paragraph.slice(0, 120))
  return wire?.[1]
    ? { dateline: wire[1].trim(), text: paragraph.slice(wire[0].length) }
    : { dateline: null, text: paragraph }
}
