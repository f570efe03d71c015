import { expect } from 'vitest'

/**
 * Defects this suite found in the pages, reported with their fixes and tolerated until those land.
 * Each is asserted to be still there, so a fix fails its test with a note to set the entry false;
 * once the fix has landed, the entry goes and its test asserts the fix directly. None is open now.
 */
export const KNOWN_GAPS = {} satisfies Record<string, boolean>

export type Gap = keyof typeof KNOWN_GAPS

/** Asserts that `defect` holds exactly while the gap is listed as known. */
export function expectGap(gap: Gap, defect: boolean, what: string): void {
  if (KNOWN_GAPS[gap]) expect(defect, `fixed (${what}): set KNOWN_GAPS.${gap} to false`).toBe(true)
  else expect(defect, what).toBe(false)
}
