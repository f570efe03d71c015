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

/** `September 22, 2011`, read in UTC so a page is the same wherever it is rendered. */
export function formatDate(iso: string): string | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`
}

/** `A`, `A and B`, `A, B and C`: what goes before the item at `index` of `count`. */
export function listSeparator(index: number, count: number): string {
  if (index === 0) return ''
  return index === count - 1 ? ' and ' : ', '
}
