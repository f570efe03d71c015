/** Opaque keyset cursors: a small JSON tuple, base64url-encoded. */
type Tuple = readonly (string | number)[]

function encode(values: Tuple): string {
  const bytes = new TextEncoder().encode(JSON.stringify(values))
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')
}

/** The tuple inside a cursor this code made, or null for anything else. */
function decode(value: string): unknown[] | null {
  if (value.length > 512 || !/^[A-Za-z0-9_-]+$/.test(value)) return null
  try {
    const binary = atob(value.replaceAll('-', '+').replaceAll('_', '/'))
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0))
    const parsed: unknown = JSON.parse(
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes),
    )
    return Array.isArray(parsed) ? parsed : null
  } catch {
    return null
  }
}

/** Listings, ordered by (sortKey desc, id desc). */
export interface ListCursor {
  sortKey: string
  id: string
}

export const encodeCursor = (cursor: ListCursor) => encode([cursor.sortKey, cursor.id])

export function decodeCursor(value: string): ListCursor | null {
  const t = decode(value)
  return t?.length === 2 && typeof t[0] === 'string' && typeof t[1] === 'string'
    ? { sortKey: t[0], id: t[1] }
    : null
}

/** Search results, ordered by (rank asc, id asc). */
export interface SearchCursor {
  rank: number
  id: string
}

export const encodeSearchCursor = (cursor: SearchCursor) => encode([cursor.rank, cursor.id])

export function decodeSearchCursor(value: string): SearchCursor | null {
  const t = decode(value)
  return t?.length === 2 &&
    typeof t[0] === 'number' &&
    Number.isFinite(t[0]) &&
    typeof t[1] === 'string'
    ? { rank: t[0], id: t[1] }
    : null
}

/** Revisions, ordered by number desc: the cursor is the last number of the page. */
export const encodeRevisionCursor = (revision: number) => encode([revision])

export function decodeRevisionCursor(value: string): number | null {
  const t = decode(value)
  return t?.length === 1 && Number.isSafeInteger(t[0]) && (t[0] as number) > 0
    ? (t[0] as number)
    : null
}

/** A position in a list numbered from 0 (an import's items): the cursor is the last index. */
export const encodeIndexCursor = (index: number) => encode(['i', index])

export function decodeIndexCursor(value: string): number | null {
  const t = decode(value)
  return t?.length === 2 && t[0] === 'i' && Number.isSafeInteger(t[1]) && (t[1] as number) >= 0
    ? (t[1] as number)
    : null
}
