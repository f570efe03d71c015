const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/

/**
 * The stored ISO 8601 date or date-time as an RFC 3339 (and W3C datetime) UTC timestamp, or null
 * when it is neither. A bare date (`2011-09-22`, as archives give it) becomes midnight UTC, as
 * `Date` reads it: both formats want a time.
 */
export function rfc3339(value: string | null | undefined): string | null {
  const match = value ? ISO_8601.exec(value) : null
  if (!value || !match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  // Date.parse rolls 2011-02-30 over into March instead of refusing it.
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

/** The latest of the timestamps (all in `rfc3339` form, so they compare as strings), or null. */
export const newest = (timestamps: string[]): string | null =>
  timestamps.reduce<string | null>((max, t) => (max === null || t > max ? t : max), null)
