import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../src/lib/hash'
import { auth, call } from './helpers'

const ARTICLE = JSON.stringify({ title: 'Keys: a scoped upload', body: ['One paragraph.'] })

interface Made {
  id: string
  name: string
  scopes: string[]
  prefix: string
  secret: string
  expiresAt: string | null
  lastUsedAt: string | null
}

async function makeKey(body: object, headers: Record<string, string> = auth) {
  const res = await call('/api/keys', {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { ...res, key: JSON.parse(res.body) as Made }
}

const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` })
const uploadWith = (secret: string, bindings: Partial<Cloudflare.Env> = {}, body = ARTICLE) =>
  call(
    '/api/articles',
    { method: 'POST', headers: { ...bearer(secret), 'Content-Type': 'application/json' }, body },
    bindings,
  )

describe('API keys', () => {
  it('makes a key whose secret is answered once and stored only as its SHA-256', async () => {
    const made = await makeKey({ name: 'ingest script', scopes: ['articles:write'] })
    expect(made.status).toBe(201)
    expect(made.headers.get('Location')).toBe(`/api/keys/${made.key.id}`)
    expect(made.key).toMatchObject({ name: 'ingest script', scopes: ['articles:write'] })
    expect(made.key.secret).toMatch(/^eak_[A-Za-z0-9_-]{43}$/)
    expect(made.key.prefix).toBe(made.key.secret.slice(0, 10))

    const row = await env.DB.prepare('SELECT * FROM api_keys WHERE id = ?')
      .bind(made.key.id)
      .first<Record<string, string>>()
    expect(row!.secret_hash).toBe(await sha256Hex(made.key.secret))
    expect(Object.values(row!)).not.toContain(made.key.secret)

    const listed = await call('/api/keys', { headers: auth })
    expect(listed.status).toBe(200)
    expect(listed.body).not.toContain(made.key.secret)
    const items = (JSON.parse(listed.body) as { items: Made[] }).items
    expect(items.find((k) => k.id === made.key.id)).toEqual({
      id: made.key.id,
      name: 'ingest script',
      scopes: ['articles:write'],
      prefix: made.key.prefix,
      createdAt: expect.any(String) as unknown as string,
      expiresAt: null,
      lastUsedAt: null,
    })
  })

  it('lets a key do what its scopes allow: 201 with the scope, 403 naming it without, 401 wrong', async () => {
    const writer = (await makeKey({ name: 'writer', scopes: ['articles:write'] })).key
    const importer = (await makeKey({ name: 'importer', scopes: ['imports'] })).key
    expect((await uploadWith(writer.secret)).status).toBe(201)
    const refused = await uploadWith(importer.secret)
    expect([refused.status, JSON.parse(refused.body)]).toEqual([
      403,
      {
        error: {
          code: 'forbidden',
          message: 'This key lacks the "articles:write" scope (or admin).',
        },
      },
    ])
    expect((await call('/api/imports', { headers: bearer(importer.secret) })).status).toBe(200)
    expect((await call('/api/imports', { headers: bearer(writer.secret) })).status).toBe(403)
    // Managing keys takes admin; a made-up secret in the key format is 401 like any wrong one.
    expect((await makeKey({ name: 'x', scopes: ['admin'] }, bearer(writer.secret))).status).toBe(
      403,
    )
    const forged = await uploadWith(`eak_${'A'.repeat(43)}`)
    expect(forged.status).toBe(401)
    expect(forged.headers.get('WWW-Authenticate')).toContain('invalid_token')
  })

  it('lets an admin key manage keys as the token does', async () => {
    const admin = (await makeKey({ name: 'ops', scopes: ['admin'] })).key
    const made = await makeKey({ name: 'made by ops', scopes: ['imports'] }, bearer(admin.secret))
    expect(made.status).toBe(201)
    expect((await uploadWith(admin.secret)).status).toBe(200) // the same article: unchanged
    const gone = await call(`/api/keys/${made.key.id}`, {
      method: 'DELETE',
      headers: bearer(admin.secret),
    })
    expect(gone.status).toBe(204)
  })

  it('refuses a revoked key from the next request on, and a second revoke is 404', async () => {
    const key = (await makeKey({ name: 'to revoke', scopes: ['articles:write'] })).key
    // Trusted for a minute, so only the revocation itself can make this isolate forget it.
    const trusting = { API_KEY_TRUST_MS: '60000' }
    expect((await uploadWith(key.secret, trusting)).status).toBeLessThan(300)
    const revoked = await call(`/api/keys/${key.id}`, { method: 'DELETE', headers: auth })
    expect(revoked.status).toBe(204)
    expect((await uploadWith(key.secret, trusting)).status).toBe(401)
    expect((await call(`/api/keys/${key.id}`, { method: 'DELETE', headers: auth })).status).toBe(
      404,
    )
  })

  it('trusts a checked key for API_KEY_TRUST_MS: a revocation elsewhere is seen after it', async () => {
    const key = (await makeKey({ name: 'revoked elsewhere', scopes: ['articles:write'] })).key
    const trusting = { API_KEY_TRUST_MS: '60000' }
    expect((await uploadWith(key.secret, trusting)).status).toBeLessThan(300)
    // Another isolate revokes it: the row goes, this isolate's memory of it stays.
    await env.DB.prepare('DELETE FROM api_keys WHERE id = ?').bind(key.id).run()
    expect((await uploadWith(key.secret, trusting)).status).toBeLessThan(300)
    // Once the window is over (here: a window of 0), the key is read again and refused.
    expect((await uploadWith(key.secret, { API_KEY_TRUST_MS: '0' })).status).toBe(401)
    expect((await uploadWith(key.secret, trusting)).status).toBe(401)
  })

  it('checks a key with one indexed read, and none while it is trusted', async () => {
    const key = (await makeKey({ name: 'counted', scopes: ['articles:write'] })).key
    const statements: string[] = []
    const counted = new Proxy(env.DB, {
      get(target, prop) {
        if (prop === 'prepare')
          return (query: string) => {
            statements.push(query)
            return target.prepare(query)
          }
        const value = Reflect.get(target, prop) as unknown
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    // A body refused before storage: what D1 sees is the key's check alone.
    const refusedBody = (bindings: Partial<Cloudflare.Env>) =>
      call(
        '/api/articles',
        { method: 'POST', headers: { ...bearer(key.secret), 'Content-Type': 'image/png' } },
        { DB: counted, ...bindings },
      )
    expect((await refusedBody({ API_KEY_TRUST_MS: '0' })).status).toBe(415)
    const reads = statements.filter((s) => s.startsWith('select'))
    expect(reads).toHaveLength(1)
    expect(reads[0]).toMatch(/from "api_keys" where "api_keys"."secret_hash" = \? limit \?/)
    statements.length = 0
    expect((await refusedBody({ API_KEY_TRUST_MS: '60000' })).status).toBe(415)
    expect(statements.filter((s) => s.startsWith('select'))).toEqual([])
  })

  it('refuses a key from its expiry on, and an expiry in the past at creation', async () => {
    const past = await makeKey({
      name: 'late',
      scopes: ['articles:write'],
      expiresAt: '2020-01-01T00:00:00Z',
    })
    expect([past.status, JSON.parse(past.body)]).toEqual([
      400,
      { error: { code: 'invalid_request', message: 'expiresAt: must be in the future' } },
    ])
    const soon = new Date(Date.now() + 1500).toISOString()
    const key = (await makeKey({ name: 'brief', scopes: ['articles:write'], expiresAt: soon })).key
    expect(key.expiresAt).toBe(soon)
    const trusting = { API_KEY_TRUST_MS: '60000' }
    expect((await uploadWith(key.secret, trusting)).status).toBeLessThan(300)
    await new Promise((resolve) => setTimeout(resolve, Date.parse(soon) - Date.now() + 50))
    expect((await uploadWith(key.secret, trusting)).status).toBe(401)
  })

  it('keeps two keys valid at once, so a key is rotated without downtime', async () => {
    const old = (await makeKey({ name: 'rotate v1', scopes: ['articles:write'] })).key
    const next = (await makeKey({ name: 'rotate v2', scopes: ['articles:write'] })).key
    expect((await uploadWith(old.secret)).status).toBeLessThan(300)
    expect((await uploadWith(next.secret)).status).toBeLessThan(300)
    await call(`/api/keys/${old.id}`, { method: 'DELETE', headers: auth })
    expect((await uploadWith(old.secret)).status).toBe(401)
    expect((await uploadWith(next.secret)).status).toBeLessThan(300)
  })

  it('records when a key was last used', async () => {
    const key = (await makeKey({ name: 'used', scopes: ['articles:write'] })).key
    const before = Date.now()
    await uploadWith(key.secret)
    const items = (
      JSON.parse((await call('/api/keys', { headers: auth })).body) as { items: Made[] }
    ).items
    const used = Date.parse(items.find((k) => k.id === key.id)!.lastUsedAt!)
    expect(used).toBeGreaterThanOrEqual(before - 5)
    expect(used).toBeLessThanOrEqual(Date.now())
  })

  it('refuses bad key requests: unknown scopes, no name, no such key', async () => {
    const bad = await makeKey({ name: 'x', scopes: ['everything'] })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body).error.code).toBe('invalid_request')
    expect((await makeKey({ name: '', scopes: ['imports'] })).status).toBe(400)
    expect((await makeKey({ name: 'x', scopes: [] })).status).toBe(400)
    const missing = await call('/api/keys/0mxag0ql64k556m1f461y304a', {
      method: 'DELETE',
      headers: auth,
    })
    expect(missing.status).toBe(404)
    expect((await call('/api/keys')).status).toBe(401)
  })
})
