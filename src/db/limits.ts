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
 * Source bytes are stored in pieces of this size: far below D1's 2 MB row limit, so an upload of
 * any accepted size stores.
 */
export const SOURCE_CHUNK_BYTES = 256 * 1024
