import { invalidField } from './errors'

const DATE = /^(\d{4})-(\d{2})-(\d{2})/
const TIME = /^T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/
const PUBLISHED_AT = 'an ISO 8601 date (2011-09-22) or date-time with a zone (2011-09-22T10:00:00Z)'

/**
 * A date stays a date (`2011-09-22`): the archive gives no time or zone, and midnight UTC would
 * show as the previous day in Los Angeles. A date-time becomes UTC `toISOString()` form.
 * Both sort correctly as strings.
 */
export function normalizePublishedAt(value: string, field = 'publishedAt'): string {
  const text = value.trim().toUpperCase()
  const date = DATE.exec(text)
  if (!date || !isCalendarDate(Number(date[1]), Number(date[2]), Number(date[3]))) {
    throw invalidField(field, PUBLISHED_AT)
  }
  const rest = text.slice(date[0].length)
  if (rest === '') return text
  // Date.parse wants `+05:30`; workerd and V8 differ on `+0530`.
  const time = TIME.test(rest) ? Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : NaN
  if (Number.isNaN(time)) throw invalidField(field, PUBLISHED_AT)
  return new Date(time).toISOString()
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}

/** Absolute http(s) URL, returned in the WHATWG serialized form. */
export function normalizeSourceUrl(value: string, field = 'sourceUrl'): string {
  const text = value.trim()
  const expected = 'an absolute http(s) URL'
  if (text.length > 2048) throw invalidField(field, `${expected} of at most 2048 characters`)
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw invalidField(field, expected)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidField(field, expected)
  return url.href
}
