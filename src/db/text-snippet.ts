import { CJK } from './cjk-text'
import { MARK_END, MARK_START } from './fts-query'

/** How many characters a snippet shows at most, and how many of them come before the match. */
const WIDTH = 96
const LEAD = 24

/**
 * A passage of `text` around the first of `terms` it holds, with every whole occurrence of a term
 * in it between MARK_START and MARK_END, as FTS5's snippet() makes them: for the CJK index, whose
 * own text is bigrams. A CJK term is found anywhere; any other only as a whole word, ignoring
 * case. The start of the text when no term is in it.
 */
export function textSnippet(text: string, terms: string[]): string {
  const sorted = [...terms].sort((a, b) => b.length - a.length)
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const source = sorted
    .map((t) => (CJK.test(t) ? escape(t) : `(?<![\\p{L}\\p{N}])${escape(t)}(?![\\p{L}\\p{N}])`))
    .join('|')
  const matches = source ? [...text.matchAll(new RegExp(source, 'giu'))] : []
  let start = Math.max(0, (matches[0]?.index ?? 0) - LEAD)
  if (/[\udc00-\udfff]/.test(text[start] ?? '')) start++
  let end = Math.min(text.length, start + WIDTH)
  if (/[\ud800-\udbff]/.test(text[end - 1] ?? '')) end--
  let out = start > 0 ? '…' : ''
  let at = start
  for (const m of matches) {
    const from = m.index
    const to = from + m[0].length
    if (from < start || to > end) continue
    out += text.slice(at, from) + MARK_START + m[0] + MARK_END
    at = to
  }
  return out + text.slice(at, end) + (end < text.length ? '…' : '')
}
