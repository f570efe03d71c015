/** Opaque keyset cursor for listings ordered by (sortKey desc, id desc). */
export interface ListCursor {
  sortKey: string
  id: string
}

export function encodeCursor(cursor: ListCursor): string {
  const bytes = new TextEncoder().encode(JSON.stringify([cursor.sortKey, cursor.id]))
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')
}

/** Returns null for anything that is not a cursor this code made. */
export function decodeCursor(value: string): ListCursor | null {
  if (value.length > 512 || !/^[A-Za-z0-9_-]+$/.test(value)) return null
  try {
    const binary = atob(value.replaceAll('-', '+').replaceAll('_', '/'))
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0))
    const parsed: unknown = JSON.parse(
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes),
    )
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
    ) {
      return { sortKey: parsed[0], id: parsed[1] }
    }
  } catch {
    // fall through: not ours
  }
  return null
}
