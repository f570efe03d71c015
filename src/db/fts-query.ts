import { CJK, CJK_SPLIT, cjkRunTokens } from './cjk-text'

/** At most this many terms are searched for; the rest of a query is ignored. */
const MAX_TERMS = 16

// A "quoted phrase" or a word, with a minus right before it (at the start or after a space:
// `full-text` is one word's two halves, not an exclusion).
const TOKEN = /(?:(?<=^|\s)(-))?(?:"([^"]*)"|([\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*))/gu

/** A term: the words of a phrase, or one word. */
type Term = string[]
type Token = { or: true } | { or: false; term: Term; excluded: boolean }

/** What a reader asked for: every group (of alternatives) is required, no excluded term is. */
interface Parsed {
  groups: Term[][]
  excluded: Term[]
}

/**
 * A search in the two indexes: `words` for the word index, `cjk` for the CJK index. A query with
 * no CJK term has no `cjk`. One with CJK terms is answered by the CJK index for the articles it
 * holds (those with CJK text), and by `words` for all others: the query with its CJK terms read as
 * absent, as they are from such an article (null when that leaves nothing to find).
 */
export interface SearchQuery {
  words: string | null
  cjk: string | null
  /** What a snippet marks when the CJK index answers: the wanted terms' CJK runs and words. */
  marks: string[]
}

/**
 * Turns what a reader typed into safe FTS5 queries, with the few operators people type: words
 * are all required, `"a phrase"` is a phrase, `a OR b` takes either, `-word` or `-"a phrase"`
 * leaves out what has it. Every term is quoted, so anything else (NEAR, AND, NOT, `*`, `:`,
 * parentheses, a lowercase `or`) is just text. Null when nothing to look for is left (no terms,
 * or only exclusions).
 */
export function toSearchQuery(input: string): SearchQuery | null {
  const parsed = parse(input)
  if (!parsed) return null
  const hasCjk = (t: Term) => t.some((w) => CJK.test(w))
  if (![...parsed.groups.flat(), ...parsed.excluded].some(hasCjk)) {
    return { words: render(parsed, wordTerm), cjk: null, marks: [] }
  }
  const groups = parsed.groups.map((g) => g.filter((t) => !hasCjk(t)))
  const withoutCjk = groups.some((g) => g.length === 0)
    ? null
    : { groups, excluded: parsed.excluded.filter((t) => !hasCjk(t)) }
  const marks = parsed.groups.flat(2).flatMap((w) => w.split(CJK_SPLIT).filter(Boolean))
  return {
    words: withoutCjk && render(withoutCjk, wordTerm),
    cjk: render(parsed, cjkTerm),
    marks: [...new Set(marks)],
  }
}

/** The word-index query alone (every term as words), as toSearchQuery reads a query. */
export function toFtsQuery(input: string): string | null {
  const parsed = parse(input)
  return parsed && render(parsed, wordTerm)
}

function parse(input: string): Parsed | null {
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
    tokens.push({ or: false, term: words, excluded: minus === '-' })
    if (++terms === MAX_TERMS) break
  }
  const wanted = (t: Token | undefined) => t !== undefined && !t.or && !t.excluded
  // `a OR b`: an OR between two wanted terms joins them; anywhere else it is the word "OR".
  const joins = (i: number) =>
    tokens[i]?.or === true && wanted(tokens[i - 1]) && wanted(tokens[i + 1])
  const groups: Term[][] = []
  const excluded: Term[] = []
  let orWords = 0
  tokens.forEach((token, i) => {
    if (token.or) orWords += joins(i) ? 0 : 1
    else if (token.excluded) excluded.push(token.term)
    else if (joins(i - 1)) groups.at(-1)!.push(token.term)
    else groups.push([token.term])
  })
  for (let i = 0; i < orWords; i++) groups.push([['OR']])
  return groups.length > 0 ? { groups, excluded } : null
}

function render({ groups, excluded }: Parsed, term: (t: Term) => string): string {
  const all = groups
    .map((g) => (g.length > 1 ? `(${g.map(term).join(' OR ')})` : term(g[0]!)))
    .join(' AND ')
  return excluded.length > 0 ? `(${all}) NOT (${excluded.map(term).join(' OR ')})` : all
}

const wordTerm = (words: Term) => `"${words.join(' ')}"`

/**
 * A term for the CJK index (see cjk-text.ts): CJK runs as their bigrams, other words as they are.
 * A term ending in a single CJK character ends with a prefix query: that character starts a token
 * wherever it occurs.
 */
function cjkTerm(words: Term): string {
  const runs = words.flatMap((w) => w.split(CJK_SPLIT).filter(Boolean))
  const tokens = runs.flatMap((run, i) =>
    CJK.test(run) ? cjkRunTokens(run, i < runs.length - 1) : [run],
  )
  const last = runs.at(-1)!
  return `"${tokens.join(' ')}"${CJK.test(last) && Array.from(last).length === 1 ? ' *' : ''}`
}

/** Private markers FTS5 puts around matches; ingest strips control characters from all text. */
export const MARK_START = '\u0002'
export const MARK_END = '\u0003'
