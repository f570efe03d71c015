import { tooLarge } from './errors'

/** Bounds that keep one article's rows and pages a sane size. */
export const LIMITS = {
  titleChars: 500,
  paragraphs: 5000,
  listItems: 200,
} as const

export function checkCount(field: string, count: number, limit: number): void {
  if (count > limit) throw tooLarge(field, `${limit} items`)
}
