/** At most this many terms are searched for; the rest of a query is ignored. */
const MAX_TERMS = 16

// A "quoted phrase" or a word, with a minus right before it (at the start or after a space:
// `full-text` is one word's two halves, not an exclusion).
const TOKEN = /(?:(?<=^|\s)(-))?(?:"([^"]*)"|([\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*))/gu

type Token = { or: true } | { or: false; term: string; excluded: boolean }

/**
 * Turns what a reader typed into a safe FTS5 query, with the few operators people type: words
 * are all required, `"a phrase"` is a phrase, `a OR b` takes either, `-word` or `-"a phrase"`
 * leaves out what has it. Every term is quoted, so anything else (NEAR, AND, NOT, `*`, `:`,
 * parentheses, a lowercase `or`) is just text. Null when nothing to look for is left (no terms,
 * or only exclusions).
 */
export function toFtsQuery(input: string): string | null {
  const tokens: Token[] = []
  let terms = 0
  for (const match of input.normalize('NFC').matchAll(TOKEN)) {
    const [, minus, phrase, word] = match
    if (word === 'OR' && !minus) {
      tokens.push({ or: true })
      continue
    }
    const words = (phrase ?? word ?? '').match(/[\p{L}\p{N}]+/gu)
    if (!words) continue
    tokens.push({ or: false, term: `"${words.join(' ')}"`, excluded: minus === '-' })
    if (++terms === MAX_TERMS) break
  }
  const wanted = (t: Token | undefined) => t !== undefined && !t.or && !t.excluded
  // `a OR b`: an OR between two wanted terms joins them; anywhere else it is the word "OR".
  const joins = (i: number) =>
    tokens[i]?.or === true && wanted(tokens[i - 1]) && wanted(tokens[i + 1])
  const groups: string[][] = []
  const excluded: string[] = []
  let orWords = 0
  tokens.forEach((token, i) => {
    if (token.or) orWords += joins(i) ? 0 : 1
    else if (token.excluded) excluded.push(token.term)
    else if (joins(i - 1)) groups.at(-1)!.push(token.term)
    else groups.push([token.term])
  })
  for (let i = 0; i < orWords; i++) groups.push(['"OR"'])
  if (groups.length === 0) return null
  const all = groups.map((g) => (g.length > 1 ? `(${g.join(' OR ')})` : g[0]!)).join(' AND ')
  return excluded.length > 0 ? `(${all}) NOT (${excluded.join(' OR ')})` : all
}

/** Private markers FTS5 puts around matches; ingest strips control characters from all text. */
export const MARK_START = '\u0002'
export const MARK_END = '\u0003'
