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
  const groups: string[][] = []
  const excluded: string[] = []
  tokens.forEach((token, i) => {
    if (token.or) return
    if (token.excluded) return void excluded.push(token.term)
    const before = tokens[i - 1]
    const term = tokens[i - 2]
    // `a OR b`: an OR between two wanted terms joins them; anywhere else it is the word "OR".
    const joined = before?.or && term && !term.or && !term.excluded && groups.length > 0
    if (joined) groups.at(-1)!.push(token.term)
    else groups.push([token.term])
  })
  tokens.forEach((token, i) => {
    const [before, after] = [tokens[i - 1], tokens[i + 1]]
    const joins = before && !before.or && !before.excluded && after && !after.or && !after.excluded
    if (token.or && !joins) groups.push(['"OR"'])
  })
  if (groups.length === 0) return null
  const wanted = groups.map((g) => (g.length > 1 ? `(${g.join(' OR ')})` : g[0]!)).join(' AND ')
  return excluded.length > 0 ? `(${wanted}) NOT (${excluded.join(' OR ')})` : wanted
}

/** Private markers FTS5 puts around matches; ingest strips control characters from all text. */
export const MARK_START = '\u0002'
export const MARK_END = '\u0003'
