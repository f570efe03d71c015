import type { NormalizedArticle } from '../model/article'
import { IngestError, overLimit } from './errors'

/**
 * Bounds that keep one article's rows and pages a sane size, and keep everything stored readable:
 * D1 refuses any value over 2,000,000 bytes. The largest values an article makes are its revision
 * snapshot (the article as JSON) and, on every read, its body as one JSON array, which is never
 * larger than the snapshot; bounding the snapshot's size leaves room for the array's positions.
 */
export const LIMITS = {
  titleChars: 500,
  /** Body blocks: paragraphs, headings, quotes, lists. */
  paragraphs: 5000,
  /** Entries of each list beside the body: authors, tags, related, captions, notices. */
  listItems: 200,
  /** Runs (links, emphasis, breaks) of one text block; they count in `storedBytes` too. */
  spansPerBlock: 5000,
  /** Items of every list in the body together. */
  bodyListItems: 10_000,
  /** The normalized article as JSON, in UTF-8 bytes: what one revision stores. */
  storedBytes: 1_500_000,
} as const

export function checkCount(field: string, count: number, limit: number): void {
  if (count > limit) throw overLimit(field, `${limit} items`)
}

/** Bytes of a string in UTF-8, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // A surrogate pair is 4 bytes for 2 code units; other code units past 0x7ff are 3 bytes.
    if (code >= 0x80) bytes += code < 0x800 ? 1 : code >= 0xd800 && code < 0xe000 ? 1 : 2
  }
  return bytes
}

/** Throws 422 too_large when the body's lists or the article's stored size are past their bounds. */
export function checkSize(article: NormalizedArticle): void {
  let items = 0
  for (const block of article.body) if (block.type === 'list') items += block.items.length
  checkCount('body lists', items, LIMITS.bodyListItems)
  const json = JSON.stringify(article)
  // A UTF-16 code unit is at most 3 bytes in UTF-8: most articles need no count.
  if (json.length * 3 <= LIMITS.storedBytes) return
  const bytes = utf8Length(json)
  if (bytes > LIMITS.storedBytes) {
    throw new IngestError(
      422,
      'too_large',
      `the article is ${bytes} bytes as stored (normalized, as JSON); at most ${LIMITS.storedBytes} allowed`,
    )
  }
}
