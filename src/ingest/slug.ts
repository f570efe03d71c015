const MAX_LENGTH = 80
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

/** Lowercase ASCII slug: `PAKISTAN: Islamabad won’t …` → `pakistan-islamabad-wont-…`. */
export function slugify(text: string, fallback = 'article'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđłþı]/g, (c) => FOLD[c] ?? c)
    .replace(/['’ʼ‘]/g, '')
    .replace(/(?<=[a-z])\.(?=[a-z])/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return truncate(slug) || withHash(fallback, text.trim())
}

/**
 * Text with no Latin letters or digits (`Дмитрий Медведев`, `李明`) still needs a distinct, stable
 * slug: the fallback word plus a short hash of the text.
 */
function withHash(fallback: string, text: string): string {
  if (!text) return fallback
  let hash = 0x811c9dc5 // FNV-1a, 32 bit
  for (const ch of text.normalize('NFC')) {
    hash ^= ch.codePointAt(0)!
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return `${fallback}-${hash.toString(36)}`
}

function truncate(slug: string): string {
  if (slug.length <= MAX_LENGTH) return slug
  const cut = slug.slice(0, MAX_LENGTH + 1)
  const dash = cut.lastIndexOf('-')
  return dash > 0 ? cut.slice(0, dash) : slug.slice(0, MAX_LENGTH)
}
