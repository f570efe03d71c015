import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { checkSecret, mayDo, secretMatches, type Principal } from '../keys/keys'
import type { Scope } from '../model/keys'

const challenge = { 'WWW-Authenticate': 'Bearer realm="articles"' }

/** Compares SHA-256 digests in constant time, so neither the token nor its length leaks. */
export const tokenMatches = secretMatches

/** The token of an `Authorization: Bearer <token>` header, if that is what it holds. */
export const bearerToken = (header: string | undefined): string | null =>
  /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? null

/** Runs work after the response where the runtime allows it (not under a bare app.request). */
export function afterResponse(c: Context<AppEnv>, work: Promise<unknown>): Promise<void> {
  const settled = work.then(
    () => undefined,
    (error: unknown) => console.error('after the response:', error),
  )
  try {
    c.executionCtx.waitUntil(settled)
    return Promise.resolve()
  } catch {
    return settled
  }
}

/**
 * Who the request's bearer secret belongs to (the INGEST_TOKEN or an API key), or null; checked
 * once per request (the rate limiter may have asked first).
 */
export async function principalOf(c: Context<AppEnv>): Promise<Principal | null> {
  const known = c.get('principal')
  if (known !== undefined) return known
  const secret = bearerToken(c.req.header('Authorization'))
  const checked = secret ? await checkSecret(c.env, secret) : null
  if (checked?.touch) await afterResponse(c, checked.touch())
  c.set('principal', checked?.principal ?? null)
  return checked?.principal ?? null
}

/** The 403 of a key without the scope a route needs, naming it. */
export const missingScope = (scope: Scope) =>
  new AppError(403, 'forbidden', `This key lacks the "${scope}" scope (or admin).`)

/**
 * Every write route requires `Authorization: Bearer <secret>`: the INGEST_TOKEN (admin) or an
 * API key holding `scope` (or admin). No secret or a wrong one is 401; a key without the scope 403.
 */
export const requireScope = (scope: Scope) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!c.env.INGEST_TOKEN) {
      throw new AppError(503, 'not_configured', 'Writes are disabled: INGEST_TOKEN is not set.')
    }
    if (!bearerToken(c.req.header('Authorization'))) {
      throw new AppError(
        401,
        'unauthorized',
        'Send the ingest token or an API key as "Authorization: Bearer <secret>".',
        challenge,
      )
    }
    const principal = await principalOf(c)
    if (!principal) {
      throw new AppError(401, 'unauthorized', 'The bearer token is not valid.', {
        'WWW-Authenticate': 'Bearer realm="articles", error="invalid_token"',
      })
    }
    if (!mayDo(principal, scope)) throw missingScope(scope)
    await next()
  })

/**
 * Whether the request may see drafts and scheduled articles: a valid secret holding
 * `articles:write` (or admin). Without one, a reader's request sees published articles only;
 * a wrong secret on a read is no error, just a reader.
 */
export async function seesUnpublished(c: Context<AppEnv>): Promise<boolean> {
  if (!bearerToken(c.req.header('Authorization'))) return false
  const principal = await principalOf(c)
  return principal !== null && mayDo(principal, 'articles:write')
}
