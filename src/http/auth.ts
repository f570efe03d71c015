import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env'
import { AppError } from '../errors'

const challenge = { 'WWW-Authenticate': 'Bearer realm="articles"' }

async function digest(value: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-256', new TextEncoder().encode(value))
}

/** Compares SHA-256 digests in constant time, so neither the token nor its length leaks. */
export async function tokenMatches(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([digest(given), digest(expected)])
  return crypto.subtle.timingSafeEqual(a, b)
}

/** The token of an `Authorization: Bearer <token>` header, if that is what it holds. */
export const bearerToken = (header: string | undefined): string | null =>
  /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? null

/**
 * Every write route requires `Authorization: Bearer <INGEST_TOKEN>`.
 */
export const requireToken = createMiddleware<AppEnv>(async (c, next) => {
  const expected = c.env.INGEST_TOKEN
  if (!expected) {
    throw new AppError(503, 'not_configured', 'Writes are disabled: INGEST_TOKEN is not set.')
  }
  const token = bearerToken(c.req.header('Authorization'))
  if (!token) {
    throw new AppError(
      401,
      'unauthorized',
      'Send the ingest token as "Authorization: Bearer <token>".',
      challenge,
    )
  }
  // The rate limiter may have compared this very header already: one digest per write is enough.
  if (!c.get('tokenVerified') && !(await tokenMatches(token, expected))) {
    throw new AppError(401, 'unauthorized', 'The bearer token is not valid.', {
      'WWW-Authenticate': 'Bearer realm="articles", error="invalid_token"',
    })
  }
  await next()
})
