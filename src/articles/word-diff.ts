import type { WordRun } from '../model/revisions'

/**
 * Pure alignment of two sequences, and the word diff of two texts built on it. An LCS table costs
 * the product of the lengths, so it is paid from a budget of cells that many comparisons can share,
 * and no one table is larger than MAX_CELLS: a table that cannot be paid for is not built, and the
 * differing middle (after the common start and end are trimmed, which is linear) is reported as
 * removed, then added.
 */
export const MAX_CELLS = 1_000_000

/** Cells left to spend; comparisons take from it as they go. */
export interface Budget {
  cells: number
}

export type Step =
  | { op: 'same'; from: number; to: number }
  | { op: 'removed'; from: number }
  | { op: 'added'; to: number }

/** The longest common subsequence of `a` and `b` as steps in order, removals before additions. */
export function align(
  a: readonly string[],
  b: readonly string[],
  budget: Budget = { cells: MAX_CELLS },
): Step[] {
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
  if ((n + 1) * (m + 1) <= Math.min(MAX_CELLS, budget.cells)) {
    budget.cells -= (n + 1) * (m + 1)
    // Tokens as numbers, so the table's inner loop compares integers.
    const ids = new Map<string, number>()
    const idOf = (token: string) => ids.get(token) ?? ids.set(token, ids.size).get(token)!
    const xs = Int32Array.from({ length: n }, (_, i) => idOf(a[start + i]!))
    const ys = Int32Array.from({ length: m }, (_, j) => idOf(b[start + j]!))
    // table[x * w + y]: the LCS length of the middles of a from x and of b from y.
    const w = m + 1
    const table = new Uint32Array((n + 1) * w)
    for (let i = n - 1; i >= 0; i--) {
      const row = i * w
      const below = row + w
      const xi = xs[i]
      for (let j = m - 1; j >= 0; j--) {
        if (xi === ys[j]) table[row + j] = table[below + j + 1]! + 1
        else {
          const down = table[below + j]!
          const right = table[row + j + 1]!
          table[row + j] = down >= right ? down : right
        }
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
export function diffWords(
  from: string,
  to: string,
  budget: Budget = { cells: MAX_CELLS },
): WordRun[] {
  const a = tokens(from)
  const b = tokens(to)
  const steps = align(a, b, budget)
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
