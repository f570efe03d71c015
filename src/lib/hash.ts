/** Bytes as lowercase hex. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  let hex = ''
  for (const byte of new Uint8Array(bytes)) hex += byte.toString(16).padStart(2, '0')
  return hex
}

/** Hex SHA-256 of bytes or of a string's UTF-8 encoding. */
export async function sha256Hex(input: Uint8Array | string): Promise<string> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input
  return toHex(await crypto.subtle.digest('SHA-256', bytes))
}

/** Short random identifier, URL-safe; time-ordered prefix keeps inserts local in the index. */
export function newId(): string {
  const time = Date.now().toString(36).padStart(9, '0')
  const random = crypto.getRandomValues(new Uint8Array(8))
  let tail = ''
  for (const byte of random) tail += byte.toString(36).padStart(2, '0')
  return `${time}${tail}`
}
