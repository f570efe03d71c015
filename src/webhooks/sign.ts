/**
 * Standard Webhooks signatures: `v1,` + base64 HMAC-SHA256 over `id.timestamp.body`, keyed by
 * the bytes of a `whsec_` secret (base64 after the prefix).
 */

const SECRET_PREFIX = 'whsec_'

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes))
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0))

/** A new secret: `whsec_` + base64 of 32 random bytes. */
export const newSecret = () => SECRET_PREFIX + base64(crypto.getRandomValues(new Uint8Array(32)))

export async function sign(secret: string, id: string, timestamp: number, body: string) {
  const key = await crypto.subtle.importKey(
    'raw',
    fromBase64(secret.slice(SECRET_PREFIX.length)),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const mac = await crypto.subtle.sign(
    'HMAC',
    key,
    new TextEncoder().encode(`${id}.${timestamp}.${body}`),
  )
  return `v1,${base64(new Uint8Array(mac))}`
}
