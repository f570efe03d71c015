import { normalizePublishedAt } from '../meta-fields'

const MYSQL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/
const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ')
// `Thu, 22 Sep 2011 18:04:05 +0000`; a draft's `Mon, 30 Nov -0001 00:00:00 +0000` is not one.
const RFC_822 =
  /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+(?:([+-])(\d{2}):?(\d{2})|GMT|UTC?|Z)$/

/** `wp:post_date_gmt` (`2011-09-22 18:04:05`, UTC) as ISO 8601; `0000-00-00 00:00:00` is none. */
export function gmtDate(value: string | null): string | null {
  const m = value ? MYSQL.exec(value.trim()) : null
  if (!m || m[1] === '0000') return null
  return valid(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`)
}

/** An RSS `<pubDate>` as ISO 8601, or null. */
export function rssDate(value: string | null): string | null {
  const m = value ? RFC_822.exec(value.trim()) : null
  const month = MONTHS.indexOf(m?.[2]?.toLowerCase() ?? '') + 1
  if (!m || month === 0) return null
  const zone = m[7] ? `${m[7]}${m[8]}:${m[9]}` : 'Z'
  const date = `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
  return valid(`${date}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`)
}

/** The date normalized, or null when it names no real instant (`2011-02-30`, `25:00`). */
function valid(iso: string): string | null {
  try {
    return normalizePublishedAt(iso)
  } catch {
    return null
  }
}
