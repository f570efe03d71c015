/**
 * Chinese, Japanese and Korean text for the search index. These scripts write words without
 * spaces, so FTS5's unicode61 tokenizer sees a whole clause as one token and `終電` inside a
 * sentence is never found. The CJK index (drizzle/0012_cjk_search.sql) holds such text as
 * overlapping character bigrams instead, as Lucene's CJKBigramFilter does: every CJK character
 * starts one token, itself and the next character when that one is CJK too, else itself alone.
 * `東京駅に` is indexed as `東京 京駅 駅に に`: any run of two or more characters is a phrase of
 * bigrams, and a single character is the prefix of exactly one token wherever it occurs.
 *
 * The migration computes the same text in SQL (its ranges must stay equal to CJK_RANGES).
 */

/** Code point ranges treated as CJK: letters only, never CJK punctuation (`、。「」・`). */
export const CJK_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x11ff], // Hangul Jamo
  [0x3005, 0x3007], // 々 〆 〇
  [0x3041, 0x3096], // Hiragana
  [0x309d, 0x309f], // ゝ ゞ ゟ
  [0x30a1, 0x30fa], // Katakana
  [0x30fc, 0x30ff], // ー ヽ ヾ ヿ
  [0x3131, 0x318e], // Hangul compatibility Jamo
  [0x31f0, 0x31ff], // Katakana phonetic extensions
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xff66, 0xff9f], // Halfwidth Katakana
  [0x20000, 0x3134f], // CJK extensions B to G
]

export function isCjk(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0
  return CJK_RANGES.some(([from, to]) => cp >= from && cp <= to)
}

const CJK_CLASS = CJK_RANGES.map(([from, to]) => {
  const hex = (n: number) => `\\u{${n.toString(16)}}`
  return `${hex(from)}-${hex(to)}`
}).join('')

/** Does the text hold any CJK character? */
export const CJK = new RegExp(`[${CJK_CLASS}]`, 'u')

/** Runs of CJK characters and runs of anything else, in order. */
export const CJK_SPLIT = new RegExp(`([${CJK_CLASS}]+)`, 'u')

/**
 * The text as the CJK index holds it: every CJK character becomes ` c ` or ` cn ` (n the next
 * character, when CJK); everything else is kept as it is, so Latin words are indexed as in the
 * word index and a query may mix both.
 */
export function cjkIndexText(text: string): string {
  const chars = Array.from(text)
  let out = ''
  chars.forEach((ch, i) => {
    if (!isCjk(ch)) out += ch
    else {
      const next = chars[i + 1]
      out += ` ${ch}${next !== undefined && isCjk(next) ? next : ''} `
    }
  })
  return out
}

/**
 * The tokens a CJK run must appear as in the index: its bigrams; a single character alone. A run
 * followed by more of a phrase also ends with its last character alone, as it does in the index.
 */
export function cjkRunTokens(run: string, followed: boolean): string[] {
  const chars = Array.from(run)
  if (chars.length === 1) return chars
  const bigrams = chars.slice(1).map((ch, i) => chars[i]! + ch)
  return followed ? [...bigrams, chars.at(-1)!] : bigrams
}
