import { isCalendarDate, normalizePublishedAt } from '../meta-fields'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH_NAME =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'
const MONTH = String.raw`(${MONTH_NAME})\.?`
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?/i
const SLASHED = /^(\d{4})\/(\d{2})\/(\d{2})\b/
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T|$)/
const RFC_2822 =
  /^(?:[a-z]{3},?\s+)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s*(?:GMT|UTC|Z|[+-]\d{4})$/i
// `October 14, 2009`, `Oct. 14th, 2009`, `24 July 2015`.
const MONTH_FIRST = new RegExp(
  String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`,
  'i',
)
const DAY_FIRST = new RegExp(String.raw`\b(\d{1,2})\.?\s+${MONTH},?\s+(\d{4})\b`, 'i')
// `Fri Mar 13 21:30:09 EST 2015`: Java's Date.toString().
const CLOCK_YEAR = new RegExp(
  String.raw`\b${MONTH}\s+(\d{1,2})\s+\d{2}:\d{2}(?::\d{2})?\s+[A-Z]{2,5}\s+(\d{4})\b`,
  'i',
)
// `/2015/03/18/`, `/2009/oct/14/`, `/1993-03-11/`
const IN_PATH = new RegExp(
  String.raw`/((?:19|20)\d{2})[/-](\d{1,2}|${MONTH_NAME})[/-](\d{1,2})(?=[/_-]|$)`,
  'i',
)

/**
 * A machine-readable date as the model stores it: a date-time with its zone as UTC ISO 8601, a
 * date (or a date-time without a zone, whose day is all that is certain) as `YYYY-MM-DD`.
 */
export function isoDate(value: string | null | undefined): string | null {
  const text = value?.trim() ?? ''
  // A date is a short text: a long one is something else, and scanning it costs.
  if (text.length > MAX_DATE) return null
  const iso = ISO.exec(text)
  if (iso) {
    const day = ymd(iso[1], iso[2], iso[3])
    if (!day || !iso[4] || !iso[5]) return day
    try {
      return normalizePublishedAt(`${day}T${iso[4].replace(',', '.')}${iso[5]}`)
    } catch {
      return day
    }
  }
  const plain = SLASHED.exec(text) ?? COMPACT.exec(text)
  if (plain) return ymd(plain[1], plain[2], plain[3])
  if (RFC_2822.test(text)) {
    const time = Date.parse(text)
    if (!Number.isNaN(time)) return new Date(time).toISOString()
  }
  return textDate(text)
}

const MAX_DATE = 200

/** The first written-out date in a line of text, as `YYYY-MM-DD`. */
export function textDate(text: string): string | null {
  const monthFirst = MONTH_FIRST.exec(text)
  if (monthFirst) return ymd(monthFirst[3], monthFirst[1], monthFirst[2])
  const dayFirst = DAY_FIRST.exec(text)
  if (dayFirst) return ymd(dayFirst[3], dayFirst[2], dayFirst[1])
  const clock = CLOCK_YEAR.exec(text)
  return clock ? ymd(clock[3], clock[1], clock[2]) : null
}

const DATE_WORDS = new RegExp(
  String.raw`${MONTH}|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:posted|updated|published|last|on|at|[ap]\.?m\.?|[a-z]{1,2}[sd]t|gmt|utc|et|pt)\b`,
  'gi',
)

/** A line that is only a date (`March 3, 2004`, `Posted: Tue, Mar. 3, 2004 5:12 p.m. EST`). */
export function dateLine(line: string): string | null {
  if (line.length > 80) return null
  const date = textDate(line)
  return date && !/\p{L}/u.test(line.replace(DATE_WORDS, '')) ? date : null
}

/** The date many news sites put in the article's path. */
export function urlDate(url: string | null): string | null {
  if (!url) return null
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    return null
  }
  const match = IN_PATH.exec(path)
  return match ? ymd(match[1], match[2], match[3]) : null
}

function ymd(y?: string, m?: string, d?: string): string | null {
  const year = Number(y)
  const month = /^\d+$/.test(m ?? '')
    ? Number(m)
    : MONTHS.indexOf((m ?? '').slice(0, 3).toLowerCase()) + 1
  const day = Number(d)
  if (year < 1900 || year > 2100 || !isCalendarDate(year, month, day)) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
