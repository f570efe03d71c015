import { isCalendarDate } from './meta-fields'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
// `December 1, 2009 |  7:17 am`, `Tuesday, Dec. 1, 2009, 7:17 a.m.`: the blog's posted-at line.
const STAMP =
  /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s*[|,]?\s*\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$/i

/** The date of a posted-at line, as `YYYY-MM-DD`, or null when the line is something else. */
export function parseTimestamp(line: string): string | null {
  const match = STAMP.exec(line)
  if (!match) return null
  const year = Number(match[3])
  const month = MONTHS.indexOf((match[1] ?? '').slice(0, 3).toLowerCase()) + 1
  const day = Number(match[2])
  if (!isCalendarDate(year, month, day)) return null
  return `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
