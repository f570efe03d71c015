import { getDefaults, Lexer, type Token } from 'marked'
import { overLimit } from '../errors'
import { costly, plainLexer } from './inline-cost'

/**
 * marked recurses once per nested list or block quote and re-reads the nested lines at each
 * level: deep nesting overflows the stack, which V8 does not always survive, and costs depth ×
 * size. So nesting is bounded before marked sees the text.
 */
export const MAX_NESTING = 16
// marked copies a block quote's remaining lines each time a line continues it with fewer `>` than
// the line before (a lazy continuation), and recurses for each nested quote it re-reads.
export const MAX_LAZY_RUNS = 100
// Indentation, `>` and list markers: all that can open a container on a line.
const PREFIX = /^(?:[ \t]|>|(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$))*/
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})$/

/**
 * marked's tokens for CommonMark + GFM, with the input's cost bounded first. An inline run marked
 * would be slow on is read by a plainer lexer, which leaves emphasis as text.
 */
export function lexMarkdown(text: string): Token[] {
  checkContainers(text)
  const lexer = new Lexer({ ...getDefaults(), gfm: true })
  const tokens = lexer.blockTokens(text)
  let plain: Lexer | undefined
  for (const run of lexer.inlineQueue) {
    lexer.state.inRawBlock = false
    if (!costly(run.src)) lexer.inlineTokens(run.src, run.tokens)
    else (plain ??= plainLexer(lexer.tokens.links)).inlineTokens(run.src, run.tokens)
  }
  lexer.inlineQueue = []
  return tokens
}

function checkContainers(text: string): void {
  let lazy = 0
  let previous = 0
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      lazy = previous = 0
      continue
    }
    const prefix = PREFIX.exec(line)?.[0] ?? ''
    const quotes = prefix.split('>').length - 1
    if (quotes < previous && ++lazy > MAX_LAZY_RUNS) {
      throw overLimit('body', `${MAX_LAZY_RUNS} lazy continuation lines in one block quote`)
    }
    previous = quotes
    if (depth(prefix, quotes) > MAX_NESTING && !THEMATIC_BREAK.test(line)) {
      throw overLimit('body', `${MAX_NESTING} levels of nested lists and block quotes`)
    }
  }
}

/** At least the nesting the prefix can open: each marker opens one, each level needs 2 columns. */
function depth(prefix: string, quotes: number): number {
  const markers = prefix.match(/[*+-]|\d{1,9}[.)]/g)?.length ?? 0
  if (markers + quotes === 0) return 0
  const columns = prefix.replace(/[^ \t]/g, '').replace(/\t/g, '    ').length
  return markers + quotes + Math.floor(columns / 2)
}
