/** A D1 failure that is the platform's, not the query's; drizzle wraps it as the `cause`. */
export function isStorageUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (
      /Network connection lost|D1_ERROR.*(unavailable|overloaded|reset|timed out)/i.test(e.message)
    ) {
      return true
    }
  }
  return false
}

/**
 * A batch that lost a race: another writer changed the same rows first, and a key or a guard
 * refused this one. Nothing of the batch was written; the writer may read again and retry.
 */
export class WriteConflict extends Error {
  override name = 'WriteConflict'
}

export function isConstraintError(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (
      /(UNIQUE|NOT NULL) constraint failed|SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY|NOTNULL)/i.test(
        e.message,
      )
    ) {
      return true
    }
  }
  return false
}
