import { getDefaults, Lexer, Tokenizer, type Links } from 'marked'

// marked nests once per pair of emphasis delimiters, and looks ahead for a closer from each.
const MAX_DELIMITERS = 256
// Characters marked's patterns may scan, summed over the tokens of one inline run.
const MAX_SCAN = 2_000_000
// In the plain lexer, a tag (comment, `<?…?>`) longer than this is text.
const MAX_TAG = 512

const DELIMITER = /[*_~]/g
const EMAIL_CHAR = /[A-Za-z0-9.!#$%&'*+/=?_`{|}~-]/
const TOKEN_START = /[*_~`!]/
const OPENER = /<(?:(!--)|(\?)|(!\[CDATA\[)|(![A-Za-z]))/g
const CLOSER = ['-->', '?>', ']]>', '>']

/**
 * Whether marked's inline lexer would take quadratic time or recurse deeply over this run: too
 * many emphasis delimiters, tokens starting inside long runs of the characters an email address
 * may hold (GFM looks for an `@` to the end of each), or comments and `<?`, `<![CDATA[`, `<!X`
 * far from their end (marked looks for it to the end of the run).
 */
export function costly(src: string): boolean {
  if ((src.match(DELIMITER)?.length ?? 0) > MAX_DELIMITERS) return true
  return emailScan(src) > MAX_SCAN || tagScan(src) > MAX_SCAN
}

function emailScan(src: string): number {
  let scan = 0
  let stretch = 0
  let starts = 0
  for (let i = 0; i <= src.length; i++) {
    const c = src[i] ?? ' '
    if (EMAIL_CHAR.test(c)) {
      stretch++
      if (TOKEN_START.test(c)) starts++
    } else {
      scan += stretch * starts
      stretch = starts = 0
    }
  }
  return scan
}

function tagScan(src: string): number {
  let scan = 0
  const next = [-1, -1, -1, -1]
  for (const match of src.matchAll(OPENER)) {
    const kind = match.slice(1).findIndex((group) => group !== undefined)
    const at = match.index
    if ((next[kind] ?? -1) < at) {
      const end = src.indexOf(CLOSER[kind] ?? '>', at)
      next[kind] = end < 0 ? src.length : end
    }
    scan += (next[kind] ?? at) - at
  }
  return scan
}

/** No emphasis, no GFM, tags only as long as MAX_TAG: linear on any run. Emphasis stays text. */
class PlainTokenizer extends Tokenizer {
  override emStrong() {
    return undefined
  }

  override del() {
    return undefined
  }

  override tag(src: string) {
    return super.tag(src.slice(0, MAX_TAG))
  }
}

export function plainLexer(links: Links): Lexer {
  const lexer = new Lexer({ ...getDefaults(), gfm: false, tokenizer: new PlainTokenizer() })
  lexer.tokens.links = links
  return lexer
}
