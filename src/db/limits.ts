/** D1 binds at most 100 parameters per statement. */
export const MAX_BOUND_PARAMETERS = 100

/** Splits rows into groups whose multi-row INSERT stays within D1's bound-parameter limit. */
export function chunkRows<T>(rows: readonly T[], columnsPerRow: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_BOUND_PARAMETERS / columnsPerRow))
  const chunks: T[][] = []
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size))
  return chunks
}

/**
 * Splits rows, in order, into runs whose multi-row INSERT binds at most D1's limit (`bound` says
 * what a row binds; `reserved`, what the statement binds besides). `apart` says whether a row
 * must go in a later statement than one already in the run.
 */
export function chunkByParameters<T>(
  rows: readonly T[],
  bound: (row: T) => number,
  reserved = 0,
  apart: (row: T, earlier: T) => boolean = () => false,
): T[][] {
  const chunks: T[][] = []
  let run: T[] = []
  let used = reserved
  for (const row of rows) {
    const needs = bound(row)
    if (run.length > 0 && (used + needs > MAX_BOUND_PARAMETERS || run.some((r) => apart(row, r)))) {
      chunks.push(run)
      run = []
      used = reserved
    }
    run.push(row)
    used += needs
  }
  if (run.length > 0) chunks.push(run)
  return chunks
}

/**
 * Source bytes are stored in pieces of this size: far below D1's 2 MB row limit, so an upload of
 * any accepted size stores.
 */
export const SOURCE_CHUNK_BYTES = 256 * 1024
