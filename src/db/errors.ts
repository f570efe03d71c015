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
