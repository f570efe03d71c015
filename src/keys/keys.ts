import { createDb } from '../db/client'
import { deleteKey, insertKey, keyByHash, listKeys, touchKey } from '../db/keys'
import type { ApiKeyRow } from '../db/schema'
import type { Bindings } from '../env'
import { newId, sha256Hex } from '../lib/hash'
import type { ApiKey, NewKey, Principal, Scope } from '../model/keys'

export type { Principal }
import { settingsOf } from '../settings'

/**
 * API keys: made, listed, revoked and checked. A secret is `eak_` + 32 random bytes
 * (base64url); D1 keeps only its SHA-256, so the secret is shown once, at creation. Keys are read
 * from the primary (a replica may not have seen a revocation yet).
 */

export const KEY_PREFIX = 'eak_'

export const mayDo = (principal: Principal, scope: Scope) =>
  principal.scopes.includes('admin') || principal.scopes.includes(scope)

const encoder = new TextEncoder()
const digest = (value: string) => crypto.subtle.digest('SHA-256', encoder.encode(value))

/** Compares SHA-256 digests in constant time, so neither the secret nor its length leaks. */
export async function secretMatches(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([digest(given), digest(expected)])
  return crypto.subtle.timingSafeEqual(a, b)
}

function base64url(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += String.fromCharCode(byte)
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    scopes: JSON.parse(row.scopes) as Scope[],
    prefix: row.prefix,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
  }
}

export async function createKey(
  env: Bindings,
  input: NewKey,
): Promise<ApiKey & { secret: string }> {
  const secret = KEY_PREFIX + base64url(crypto.getRandomValues(new Uint8Array(32)))
  const row = await insertKey(createDb(env.DB), {
    id: newId(),
    name: input.name,
    scopes: JSON.stringify([...new Set(input.scopes)]),
    secretHash: await sha256Hex(secret),
    prefix: secret.slice(0, KEY_PREFIX.length + 6),
    expiresAt: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
  })
  return { ...toApiKey(row), secret }
}

export const allKeys = async (env: Bindings) => (await listKeys(createDb(env.DB))).map(toApiKey)

/**
 * Keys this isolate has checked, by their secret's hash, with when: trusted for
 * API_KEY_TRUST_MS, then read again. Only keys that exist are remembered (a guess costs a read
 * each time, and the write rate limit bounds those), and at most MAX_TRUSTED of them.
 */
const trusted = new Map<string, { row: ApiKeyRow; checkedAt: number }>()
const MAX_TRUSTED = 1000

/** Revokes a key: refused by this isolate at once, by others within API_KEY_TRUST_MS. */
export async function revokeKey(env: Bindings, id: string): Promise<boolean> {
  for (const [hash, entry] of trusted) if (entry.row.id === id) trusted.delete(hash)
  return deleteKey(createDb(env.DB), id)
}

export interface Checked {
  principal: Principal
  /** Records the key's use (a write at most once a minute); for waitUntil. */
  touch?: () => Promise<void>
}

/**
 * Who a bearer secret belongs to, or null: the INGEST_TOKEN, else a key found by its hash (one
 * indexed read at most, none while trusted), unexpired. The hash found is compared again in
 * constant time, so the comparison never depends on how much of a secret was right.
 */
export async function checkSecret(env: Bindings, secret: string): Promise<Checked | null> {
  if (env.INGEST_TOKEN && (await secretMatches(secret, env.INGEST_TOKEN))) {
    return { principal: { kind: 'token', scopes: ['admin'] } }
  }
  if (!secret.startsWith(KEY_PREFIX)) return null
  const hash = await sha256Hex(secret)
  const now = Date.now()
  let entry = trusted.get(hash)
  if (!entry || now - entry.checkedAt >= settingsOf(env).keyTrustMs) {
    trusted.delete(hash)
    const row = await keyByHash(createDb(env.DB), hash)
    if (!row || !(await secretMatches(row.secretHash, hash))) return null
    entry = { row, checkedAt: now }
    if (trusted.size >= MAX_TRUSTED) trusted.clear()
    trusted.set(hash, entry)
  }
  const { row } = entry
  if (row.expiresAt && Date.parse(row.expiresAt) <= now) return null
  const stale = !row.lastUsedAt || now - Date.parse(row.lastUsedAt) >= 60_000
  return {
    principal: { kind: 'key', id: row.id, scopes: JSON.parse(row.scopes) as Scope[] },
    ...(stale
      ? {
          touch: async () => {
            const at = new Date(now).toISOString()
            row.lastUsedAt = at
            await touchKey(createDb(env.DB), row.id, at)
          },
        }
      : {}),
  }
}
