export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** `September 2011`, for archive pages; `month` counts from 1. */
export const formatMonth = (year: string, month: number) => `${MONTHS[month - 1]} ${year}`

/**
 * `22 September 2011`: the day, the month's name and the year, which no reader can take for
 * another date (09/22 and 22/09 both could be). Read in UTC so a page is the same wherever it
 * is rendered.
 */
export function formatDate(iso: string): string | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
}

/** `2011-09` → `/archive/2011/09`. */
export const monthPath = (month: string) => `/archive/${month.replace('-', '/')}`

/** `2011-09` → `September 2011`. */
export const monthName = (month: string) =>
  formatMonth(month.slice(0, 4), Number(month.slice(5, 7)))

/** `A`, `A and B`, `A, B and C`: what goes before the item at `index` of `count`. */
export function listSeparator(index: number, count: number): string {
  if (index === 0) return ''
  return index === count - 1 ? ' and ' : ', '
}

/** What a browser tab and a search result show at most (html-validate's `long-title`). */
export const TITLE_MAX = 70

/**
 * A page's `<title>`: `Title | Site` when it fits in TITLE_MAX characters, else the title alone,
 * cut at a word with `…` when even that is too long.
 */
export function pageTitle(title: string, siteName: string): string {
  const full = `${title} | ${siteName}`
  if (full.length <= TITLE_MAX) return full
  if (title.length <= TITLE_MAX) return title
  const cut = title.slice(0, TITLE_MAX - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
