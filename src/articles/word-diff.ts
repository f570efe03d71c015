import type { WordRun } from '../model/revisions'

/**
 * Pure alignment of two sequences, and the word diff of two texts built on it. An LCS table costs
 * the product of the lengths, so it is bounded: past MAX_CELLS the differing middle (after the
 * common start and end are trimmed, which is linear) is reported as removed, then added.
 */
export const MAX_CELLS = 1_000_000

export type Step =
  | { op: 'same'; from: number; to: number }
  | { op: 'removed'; from: number }
  | { op: 'added'; to: number }

/** The longest common subsequence of `a` and `b` as steps in order, removals before additions. */
export function align(a: readonly string[], b: readonly string[], maxCells = MAX_CELLS): Step[] {
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const steps: Step[] = []
  for (let k = 0; k < start; k++) steps.push({ op: 'same', from: k, to: k })
  const n = endA - start
  const m = endB - start
  let x = 0
  let y = 0
  if ((n + 1) * (m + 1) <= maxCells) {
    // table[x * w + y]: the LCS length of a[start + x ..] and b[start + y ..] within the middle.
    const w = m + 1
    const table = new Uint32Array((n + 1) * w)
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * w + j] =
          a[start + i] === b[start + j]
            ? table[(i + 1) * w + j + 1]! + 1
            : Math.max(table[(i + 1) * w + j]!, table[i * w + j + 1]!)
      }
    }
    while (x < n && y < m) {
      if (a[start + x] === b[start + y]) {
        steps.push({ op: 'same', from: start + x++, to: start + y++ })
      } else if (table[(x + 1) * w + y]! >= table[x * w + y + 1]!) {
        steps.push({ op: 'removed', from: start + x++ })
      } else {
        steps.push({ op: 'added', to: start + y++ })
      }
    }
  }
  for (; x < n; x++) steps.push({ op: 'removed', from: start + x })
  for (; y < m; y++) steps.push({ op: 'added', to: start + y })
  for (let k = 0; k < a.length - endA; k++) steps.push({ op: 'same', from: endA + k, to: endB + k })
  return steps
}

/** Words and the whitespace between them, each its own token. */
export const tokens = (text: string): string[] => text.match(/\s+|\S+/g) ?? []

const isSpace = (text: string) => /^\s+$/.test(text)

/**
 * What changed between two texts, word by word: runs of kept, removed and added text that
 * rebuild `from` (same + removed) and `to` (same + added). Within one change the removed text
 * comes before the added; a space alone between two changes joins them, so a rewritten phrase
 * reads as one deletion and one insertion rather than word-by-word alternation.
 */
export function diffWords(from: string, to: string, maxCells = MAX_CELLS): WordRun[] {
  const a = tokens(from)
  const b = tokens(to)
  const steps = align(a, b, maxCells)
  const runs: WordRun[] = []
  let removed = ''
  let added = ''
  const push = (op: WordRun['op'], text: string) => {
    const last = runs.at(-1)
    if (last?.op === op) last.text += text
    else runs.push({ op, text })
  }
  const flush = () => {
    if (removed) push('removed', removed)
    if (added) push('added', added)
    removed = added = ''
  }
  steps.forEach((step, k) => {
    if (step.op === 'removed') removed += a[step.from]
    else if (step.op === 'added') added += b[step.to]
    else {
      const text = a[step.from]!
      const next = steps[k + 1]
      if ((removed || added) && isSpace(text) && next && next.op !== 'same') {
        removed += text
        added += text
        return
      }
      flush()
      push('same', text)
    }
  })
  flush()
  return runs
}
