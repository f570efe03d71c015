/** The longest slug made, in code points (the same as characters for an ASCII slug). */
export const MAX_LENGTH = 80
// Letters that NFKD does not split into a base letter and a mark.
const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
}
const NOT_ASCII_WORD = /[^a-z0-9]+/g

/** Lowercase ASCII slug: `PAKISTAN: Islamabad won’t …` → `pakistan-islamabad-wont-…`. */
export function slugify(text: string, fallback = 'article'): string {
  return truncate(foldLatin(text)) || withHash(fallback, text.trim())
}

/**
 * Latin letters folded to lowercase ASCII, digits kept, everything else one dash, trimmed: the
 * slug before its length bound. `keep` matches characters a caller has put in to pass unchanged
 * (name-slug.ts: stand-ins for runs of other scripts); without it, only `a-z0-9` are kept.
 */
export function foldLatin(text: string, keep?: RegExp): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđłþı]/g, (c) => FOLD[c] ?? c)
    .replace(/['’ʼ‘]/g, '')
    .replace(/(?<=[a-z])\.(?=[a-z])/g, '')
    .replace(keep ?? NOT_ASCII_WORD, '-')
    .replace(/^-|-$/g, '')
}

/**
 * Text with nothing to slug (`!!! — ???`, or, for article titles, no Latin letters or digits)
 * still needs a distinct, stable slug: the fallback word plus a short hash of the text.
 */
export function withHash(fallback: string, text: string): string {
  if (!text) return fallback
  let hash = 0x811c9dc5 // FNV-1a, 32 bit
  for (const ch of text.normalize('NFC')) {
    hash ^= ch.codePointAt(0)!
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return `${fallback}-${hash.toString(36)}`
}

/**
 * At most MAX_LENGTH code points, cut at the last dash that keeps it within, else inside the
 * word but never between a letter and its combining marks (`कि` is one letter to a reader).
 */
export function truncate(slug: string): string {
  const points = [...slug]
  if (points.length <= MAX_LENGTH) return slug
  const dash = points.lastIndexOf('-', MAX_LENGTH)
  if (dash > 0) return points.slice(0, dash).join('')
  let end = MAX_LENGTH
  while (end > 0 && /\p{M}/u.test(points[end]!)) end--
  return points.slice(0, end).join('')
}
