import { describe, expect, it } from 'vitest'
import { normalizeUpload } from '../../src/ingest'
import type { SourceFormat } from '../../src/model/article'
import { ADVERSARIAL } from './adversarial'

// No parser may grow faster than its input: the same input at n and 4n costs no more than about
// five times as much. Linear is four and quadratic sixteen; the bound is six, as the garbage
// collector's share grows with the heap and runs here measured up to 5.8 on linear code. Timed in
// Node, where the clock runs during computation (inside workerd it only moves on I/O).

const N = 64 * 1024
const MAX_RATIO = 6

function parse(format: SourceFormat, text: string): void {
  try {
    normalizeUpload({ format, text }, {})
  } catch {
    // Refused: a cost like any other.
  }
}

/** How many parses of `text` take at least 20 ms: one batch. */
function batchSize(format: SourceFormat, text: string): number {
  let reps = 1
  for (let t = performance.now(); performance.now() - t < 20; reps++) parse(format, text)
  return reps
}

/**
 * Milliseconds of one parse of each text: batches of the two sizes take turns (so a garbage
 * collector busier at one moment weighs on both), and each size's fastest batch counts.
 */
function costsOf(format: SourceFormat, texts: string[]): number[] {
  const reps = texts.map((text) => batchSize(format, text))
  const best = texts.map(() => Infinity)
  for (let round = 0; round < 7; round++) {
    texts.forEach((text, i) => {
      const start = performance.now()
      for (let r = 0; r < reps[i]!; r++) parse(format, text)
      best[i] = Math.min(best[i]!, (performance.now() - start) / reps[i]!)
    })
  }
  return best
}

describe('parsing cost grows with the input, not faster', () => {
  for (const [name, format, make] of ADVERSARIAL) {
    // Retried: other test processes share these cores, and a quadratic parser fails every time.
    it(name, { retry: 2 }, () => {
      const [small, large] = costsOf(format, [make(N), make(4 * N)]) as [number, number]
      expect(
        large / small,
        `${small.toFixed(2)} ms at 64 KiB, ${large.toFixed(2)} ms at 256 KiB`,
      ).toBeLessThanOrEqual(MAX_RATIO)
    })
  }
})
