/**
 * Turns what a reader typed into a safe FTS5 query: every word becomes a quoted term (so FTS
 * syntax — NEAR, AND, `-`, `:`, `*`, parentheses — is just text), "quoted phrases" stay phrases,
 * and terms are ANDed. Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const terms: string[] = []
  const pattern = /"([^"]*)"|([\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*)/gu
  for (const match of input.normalize('NFC').matchAll(pattern)) {
    const words = (match[1] ?? match[2] ?? '').match(/[\p{L}\p{N}]+/gu)
    if (!words) continue
    terms.push(`"${words.join(' ')}"`)
    if (terms.length === 16) break
  }
  return terms.length > 0 ? terms.join(' ') : null
}

/** Private markers FTS5 puts around matches; ingest strips control characters from all text. */
export const MARK_START = '\u0002'
export const MARK_END = '\u0003'
