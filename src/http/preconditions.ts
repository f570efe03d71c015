import type { Precondition } from '../articles/preconditions'
import { AppError } from '../errors'
import { sha256Hex } from '../lib/hash'

/**
 * Article JSON carries `ETag: "r<revision>-<hash>"`; a writer sends it back as `If-Match` (or
 * just `"r<revision>"`). The hash is of the JSON itself: its related links can change without a
 * new revision (another article is stored), and If-None-Match must see that.
 */
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
