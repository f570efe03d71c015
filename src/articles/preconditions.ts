import { AppError } from '../errors'

/**
 * Lost-update protection: a writer names the revision it read (`If-Match: "r<n>"`, see
 * http/preconditions.ts), or `*` for "must exist", and is refused with 412 when the article is
 * no longer there at that revision.
 */
export type Precondition = { revision: number } | 'exists' | null

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
