import type { Span } from '../model/article'
import { isSafeHref } from '../model/href'
import { LIMITS } from './limits'
import { cleanInline, normalizeText } from './text-clean'

type Marks = Omit<Span, 'text'>

/**
 * Runs cleaned as `cleanInline` cleans text (whitespace runs to one space across run edges,
 * trimmed; a line break's space keeps its `br`), adjacent runs with the same marks merged, hrefs
 * that may not render as links dropped. Aligned to `text`, the block's cleaned text: when the
 * parser cut the text after reading the runs (a dateline or byline lifted off), runs are cut
 * to match at either end. Undefined when nothing is marked or the runs cannot be made to match:
 * a block without `spans` is plain text, never wrong text. So is one of more runs than
 * `LIMITS.spansPerBlock`.
 */
export function cleanSpans(runs: readonly Span[], text: string): Span[] | undefined {
  // Most blocks have nothing marked: they cost one look at each run.
  if (!runs.some((r) => r.br || r.em || r.strong || (r.href && isSafeHref(r.href)))) return
  const out: Span[] = []
  let pending = null as Marks | null
  for (const run of runs) {
    if (run.br) {
      if (out.length > 0) pending = { br: true }
      continue
    }
    const marks = marksOf(run)
    const clean = normalizeText(run.text).replace(/\s+/g, ' ')
    const body = clean.trim()
    // A space between runs takes the marks of the run it starts in; a line break's wins.
    if (clean.startsWith(' ') && out.length > 0) pending ??= marks
    if (body === '') continue
    if (pending) push(out, ' ', pending)
    push(out, body, marks)
    pending = clean.endsWith(' ') ? marks : null
  }
  // Past the bound, the block is its plain text: no page needs thousands of marks in one block.
  if (out.length > LIMITS.spansPerBlock) return undefined
  const aligned = align(out, text)
  if (!aligned || !aligned.some((s) => s.href || s.em || s.strong || s.br)) return undefined
  return aligned
}

/**
 * A list's items cleaned as `cleanInline` cleans text, blank ones dropped, each item's runs (when
 * the parser read them, aligned to `items`) cleaned by `cleanSpans`. `itemSpans` only when an item
 * has marks, null for each one that has none.
 */
export function cleanListItems(
  items: readonly string[],
  itemSpans?: readonly (readonly Span[] | null)[],
): { items: string[]; itemSpans?: (Span[] | null)[] } {
  const out: string[] = []
  const spans: (Span[] | null)[] = []
  items.forEach((item, i) => {
    const text = cleanInline(item)
    if (text === '') return
    out.push(text)
    const runs = itemSpans?.[i]
    spans.push((runs && cleanSpans(runs, text)) ?? null)
  })
  return spans.some((s) => s !== null) ? { items: out, itemSpans: spans } : { items: out }
}

function marksOf(run: Span): Marks {
  const marks: Marks = {}
  if (run.href && isSafeHref(run.href)) marks.href = run.href
  if (run.em) marks.em = true
  if (run.strong) marks.strong = true
  return marks
}

function push(out: Span[], text: string, marks: Marks): void {
  const last = out.at(-1)
  if (last && !last.br && !marks.br && same(last, marks)) last.text += text
  else out.push({ text, ...marks })
}

const same = (a: Marks, b: Marks) => a.href === b.href && a.em === b.em && a.strong === b.strong

/** The runs cut to `text` when their joined text starts or ends with it; else null. */
function align(runs: Span[], text: string): Span[] | null {
  const joined = runs.map((r) => r.text).join('')
  if (joined === text) return runs
  if (text === '') return null
  if (joined.startsWith(text)) return slice(runs, 0, text.length)
  if (joined.endsWith(text)) return slice(runs, joined.length - text.length, joined.length)
  return null
}

function slice(runs: Span[], from: number, to: number): Span[] {
  const out: Span[] = []
  let at = 0
  for (const run of runs) {
    const end = at + run.text.length
    const piece = run.text.slice(Math.max(0, from - at), Math.max(0, to - at))
    if (piece !== '') out.push({ ...run, text: piece })
    at = end
  }
  return out
}
