import { sha256Hex } from '../lib/hash'
import { AppError } from './errors'

/**
 * Lost-update protection. Article JSON carries `ETag: "r<revision>-<hash>"`; a writer that sends
 * it back as `If-Match` (or just `"r<revision>"`) is refused with 412 when someone else wrote in
 * between. `*` means "must exist". The hash is of the JSON itself: its related links can change
 * without a new revision (another article is stored), and If-None-Match must see that.
 */
export type Precondition = { revision: number } | 'exists' | null

export const articleEtag = async (revision: number, json: string) =>
  `"r${revision}-${(await sha256Hex(json)).slice(0, 16)}"`

export function parseIfMatch(header: string | undefined): Precondition {
  if (header === undefined) return null
  const value = header.trim()
  if (value === '*') return 'exists'
  const match = /^"r(\d{1,9})(?:-[0-9a-f]{1,64})?"$/.exec(value)
  if (!match) {
    throw new AppError(
      400,
      'invalid_if_match',
      'If-Match takes the ETag of the article JSON, e.g. "r3-5f2a9c1e07d4b6a8" or "r3", or *.',
    )
  }
  return { revision: Number(match[1]) }
}

/** Throws 412 unless the live article's current revision satisfies the precondition. */
export function checkPrecondition(precondition: Precondition, current: number | null): void {
  if (precondition === null) return
  if (current === null) {
    throw new AppError(412, 'precondition_failed', 'If-Match: the article does not exist.')
  }
  if (precondition !== 'exists' && precondition.revision !== current) {
    throw new AppError(
      412,
      'precondition_failed',
      `If-Match: the article is at revision ${current}, not ${precondition.revision}; read it again and retry.`,
    )
  }
}
