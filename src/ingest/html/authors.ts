import { parseByline } from '../byline'
import { trimEndOf } from '../text-clean'
import { letters, squash } from './text'

/** Longer text than this is no byline (the longest real ones run to a few hundred characters). */
const MAX_BYLINE = 2000
/** What may trail a name in a byline and is not part of it. */
const NAME_END = /[\s,;:(–—-]/

const BY =
  /^(?:(?:written|posted|reported|story|text|words)\s+)?by\s*:?\s+|^(?:authors?|bylines?)\s*:\s*/i
// The same word in other languages (see ../byline), and their `Author:` labels.
const FOREIGN_BY =
  /^(?:par|von|por|door|av|af|przez|di)\s+(?=\p{Lu})|^(?:auteur|autor|autore|auteurs|forfatter|författare|texte|texto|testo|text)\s*:\s*/iu
// `Jane Doe Staff Writer`, `Howard BlumeStaff Writer` (adjacent elements' text run together): a
// comma before the job title lets the byline rules drop it.
const JOB_TITLE =
  /(?<=\p{L})\s*((?:(?:Staff|Senior|Chief|Special|Contributing|Associate|Deputy|Foreign|National|Political|Business|Sports|Investigative)\s+)*(?:Writer|Reporter|Correspondent|Editor|Columnist|Contributor)s?)(?=\s*(?:$|[,;&|]|\sand\s))/gu
const GLUED_DATE =
  /(\p{Ll})(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)|(\d)(?=\p{Lu})/gu
const SEPARATOR = /\s*[|•·\n]\s*|\s+[—–]\s+/
const LIST = /\s*[,;]\s*(?:and\s+)?|\s+(?:and|und|et|en|och|og)\s+|\s*&\s*/
// Where a name ends: dates, times, handles, links, `Updated …`.
const STOP =
  /\b(?:updated|published|posted|last updated|follow|email|e-mail|twitter|contact)\b|@|https?:|\d/i
const JOB =
  /^(?:staff|senior|chief|contributing|special|deputy|managing|executive|associate|assistant|national|foreign|political|business|sports|science|health|technology|investigative|digital|freelance|guest|bureau|writers?|reporters?|correspondents?|editors?|columnists?|contributors?|producers?|photographers?|analysts?|critics?|anchor|host)$/i
const JOB_NOUN =
  /^(?:writers?|reporters?|correspondents?|editors?|columnists?|contributors?|producers?|photographers?|analysts?|critics?|anchor|host)$/i
const ORG =
  /\b(?:news|press|times|post|journal|tribune|herald|gazette|daily|media|staff|desk|team|editors|editorial|agency|agencies|reuters|bloomberg|afp|wire|service|services|online|magazine|network|channel|radio|television|tv|inc|ltd|llc|corp|company|group|newsroom|bureau|admin|administrator|webmaster)\b/i

/**
 * People named in a byline's text: `By A, B and C`, `A and B, Staff Writers`, `October 14, 2009 |
 * A`. Job titles, dates, handles and the site's own name are dropped. `loose` (structured data,
 * author links): a name the byline rules reject (`danah boyd`, `Madonna`) is still taken.
 */
export function namesIn(raw: string, sites: string[], loose = false): string[] {
  if (raw.length > MAX_BYLINE) return []
  const unglued = raw.replace(GLUED_DATE, '$1$2 | ').replace(JOB_TITLE, ', $1')
  const names: string[] = []
  for (const segment of unglued.split(SEPARATOR)) {
    let part = squash(segment).replace(BY, '').replace(FOREIGN_BY, '')
    const stop = STOP.exec(part)
    if (stop) part = part.slice(0, stop.index)
    part = trimEndOf(part, NAME_END)
    if (part === '') continue
    const parsed = parseByline(`By ${part}`)
    if (parsed) names.push(...parsed)
    // `Jane Doe, CNN`: the byline rules give up on the whole; take what reads as a name.
    else
      for (const piece of part.split(LIST))
        names.push(...(parseByline(`By ${piece}`) ?? (loose ? [piece] : [])))
  }
  return names
    .map(withoutJob)
    .map(titleCase)
    .filter((name) => isPerson(name, sites))
}

/** A line under a byline that names a job or an employer: `Gazette Staff Writer`, `Associated Press`. */
export function isRoleLine(line: string): boolean {
  const words = line.split(' ')
  return (
    words.length <= 8 &&
    !/[.!?]$/.test(line) &&
    (JOB_NOUN.test(words.at(-1) ?? '') || ORG.test(line))
  )
}

/** `Jane Doe Staff Writer` → `Jane Doe`. */
function withoutJob(name: string): string {
  const words = name.split(' ')
  if (!JOB_NOUN.test(words.at(-1) ?? '')) return name
  let cut = words.length - 1
  while (cut > 1 && JOB.test(words[cut - 1] ?? '')) cut--
  return words.slice(0, cut).join(' ')
}

/** `JANE DOE` → `Jane Doe`; names already in mixed case are kept as written. */
function titleCase(name: string): string {
  if (/\p{Ll}/u.test(name) || !/\p{Lu}{2}/u.test(name)) return name
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{Ll})/gu, (_, gap, c: string) => gap + c.toUpperCase())
}

function isPerson(name: string, sites: string[]): boolean {
  const words = name.split(' ').length
  if (name.length > 80 || words > 6 || !/^\p{L}/u.test(name) || /[\d@/\\<>]/.test(name))
    return false
  if (ORG.test(name)) return false
  const key = letters(name)
  return !sites.some((site) => site === key || (site.length >= 4 && key.includes(site)))
}

/** Site names and host labels in the form `isPerson` compares. */
export const siteKeys = (names: (string | null)[]): string[] => [
  ...new Set(names.map((n) => letters(n ?? '')).filter((n) => n.length >= 2)),
]
