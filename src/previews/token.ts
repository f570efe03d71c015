/**
 * Preview tokens: base64url(payload) + "." + base64url(HMAC-SHA256(key, payload)), the payload
 * being `{"a":articleId,"e":expiresAtSeconds,"k":keyId}`. Pure: WebCrypto and nothing else.
 */

export interface PreviewClaim {
  articleId: string
  /** Unix seconds. */
  expiresAt: number
  keyId: string
}

/** A token split into what it says and the bytes its signature covers. */
export interface ParsedToken {
  claim: PreviewClaim
  payload: Uint8Array<ArrayBuffer>
  signature: Uint8Array<ArrayBuffer>
}

/** What a token's path segment can look like: anything else is no token at all. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,400}\.[A-Za-z0-9_-]{43}$/

export function base64url(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += String.fromCharCode(byte)
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * Bytes of base64url text, or null. Only the one canonical spelling is accepted: atob ignores
 * the unused low bits of the last character, so without this check a link with its last
 * character changed would still verify.
 */
function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0))
    return base64url(bytes) === text ? bytes : null
  } catch {
    return null
  }
}

const hmacKey = (secret: string, usage: 'sign' | 'verify') =>
  crypto.subtle.importKey(
    'raw',
    fromBase64url(secret) ?? new Uint8Array(),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    [usage],
  )

/** A new key secret: 32 random bytes, base64url. */
export const newSecret = () => base64url(crypto.getRandomValues(new Uint8Array(32)))

export async function signToken(secret: string, claim: PreviewClaim): Promise<string> {
  const json = JSON.stringify({ a: claim.articleId, e: claim.expiresAt, k: claim.keyId })
  const payload = new TextEncoder().encode(json)
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), payload)
  return `${base64url(payload)}.${base64url(new Uint8Array(mac))}`
}

/** The token's parts, or null when it is not one this module could have made. */
export function parseToken(token: string): ParsedToken | null {
  if (!TOKEN_PATTERN.test(token)) return null
  const [head, tail] = token.split('.') as [string, string]
  const payload = fromBase64url(head)
  const signature = fromBase64url(tail)
  if (!payload || !signature) return null
  let fields: unknown
  try {
    fields = JSON.parse(new TextDecoder().decode(payload))
  } catch {
    return null
  }
  const { a, e, k } = (fields ?? {}) as Record<string, unknown>
  if (typeof a !== 'string' || typeof k !== 'string' || !Number.isSafeInteger(e)) return null
  return { claim: { articleId: a, expiresAt: e as number, keyId: k }, payload, signature }
}

/** Whether the key signed these bytes: crypto.subtle.verify compares in constant time. */
export async function verifyToken(secret: string, token: ParsedToken): Promise<boolean> {
  const key = await hmacKey(secret, 'verify')
  return crypto.subtle.verify('HMAC', key, token.signature, token.payload)
}
