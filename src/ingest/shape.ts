import type { SourceFormat } from '../model/article'
import { IngestError } from './errors'
import { checkCount, LIMITS } from './limits'

/**
 * What one upload may hold before it is parsed, counted in one cheap pass: past these bounds the
 * parsing is refused (422) rather than done, so no accepted upload costs more than a few hundred
 * milliseconds of CPU however it is built (docs/formats.md has the measured worst cases). Each
 * sits far above real articles: the largest of 61 saved news pages has 3,004 tags and 4,591
 * lines.
 */
export const SHAPE_LIMITS = {
  /** Lines of archive text (blank ones are not counted). */
  textLines: 50_000,
  /** Lines of Markdown (its lexer spends most per line). */
  markdownLines: 20_000,
  /** `[` in Markdown: each may open a link or an image that its lexer looks ahead to close. */
  brackets: 20_000,
  /** `` ` `` in Markdown: each may open a code span, closed by the next run of as many. */
  backticks: 20_000,
  /** `<` in an HTML page or in Markdown: each may open a tag. */
  tags: 50_000,
  /** `*`, `_` and `~` in Markdown: emphasis delimiters, each a token of its own. */
  delimiters: 50_000,
} as const

/** Lines with something on them: blank lines cost the parsers next to nothing. */
function lines(text: string): number {
  let n = 0
  for (let start = 0; start <= text.length;) {
    const end = text.indexOf('\n', start)
    const stop = end === -1 ? text.length : end
    for (let i = start; i < stop; i++) {
      const code = text.charCodeAt(i)
      if (code !== 0x20 && code !== 0x09 && code !== 0x0d) {
        n++
        break
      }
    }
    start = stop + 1
  }
  return n
}

const count = (text: string, char: string) => {
  let n = 0
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) n++
  return n
}

/** Lines that open a list item: a bullet or a number, then a space. */
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/gm

/** List items in the text, counted up to `stop`. */
function listItems(text: string, stop: number): number {
  const items = new RegExp(LIST_ITEM)
  let n = 0
  while (n < stop && items.exec(text)) n++
  return n
}

function tooComplex(what: string, found: number, limit: number): IngestError {
  return new IngestError(
    422,
    'too_complex',
    `the upload holds ${found} ${what}; at most ${limit} are read (split it, or send it as another format)`,
  )
}

function within(what: string, found: number, limit: number): void {
  if (found > limit) throw tooComplex(what, found, limit)
}

/** Throws 422 when the text is shaped past what its parser reads at a bounded cost. */
export function checkShape(format: SourceFormat, text: string): void {
  switch (format) {
    case 'text':
      return within('lines', lines(text), SHAPE_LIMITS.textLines)
    case 'markdown':
      // The same bound the article has once parsed, checked before the lexer does the work.
      checkCount('body lists', listItems(text, LIMITS.bodyListItems + 1), LIMITS.bodyListItems)
      within('lines', lines(text), SHAPE_LIMITS.markdownLines)
      within('"[" (link or image openers)', count(text, '['), SHAPE_LIMITS.brackets)
      within('"`" (code span markers)', count(text, '`'), SHAPE_LIMITS.backticks)
      within('"<" (tag openers)', count(text, '<'), SHAPE_LIMITS.tags)
      within(
        'emphasis delimiters ("*", "_", "~")',
        count(text, '*') + count(text, '_') + count(text, '~'),
        SHAPE_LIMITS.delimiters,
      )
      return
    case 'html':
      return within('"<" (tag openers)', count(text, '<'), SHAPE_LIMITS.tags)
    case 'json':
      return
  }
}
