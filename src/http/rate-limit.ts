import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env'
import { principalOf } from './auth'
import { AppError } from '../errors'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Write requests per client address, through Workers' rate-limit bindings, before anything else
 * is done for them. Two budgets (wrangler.toml): writes that carry a valid bearer secret (the token or a key) get a
 * large one, so a migration script is not held back; every other write (wrong or missing tokens,
 * and the /upload form, whose token is inside the body) gets a small one, so guessing tokens is
 * throttled. Cloudflare's edge and `wrangler dev` set CF-Connecting-IP on every request; a request
 * without it has not come through either (tests, calls inside the runtime) and is not limited.
 */
export const limitWrites = createMiddleware<AppEnv>(async (c, next) => {
  const client = WRITES.has(c.req.method) ? c.req.header('CF-Connecting-IP') : undefined
  if (client) {
    const verified = (await principalOf(c)) !== null
    const [limiter, retryAfter] = verified
      ? [c.env.WRITE_LIMITER, '10']
      : [c.env.UNVERIFIED_WRITE_LIMITER, '60']
    if (limiter && !(await limiter.limit({ key: client })).success) {
      throw new AppError(429, 'rate_limited', 'Too many writes from this address; slow down.', {
        'Retry-After': retryAfter,
      })
    }
  }
  await next()
})

/**
 * Pages built from D1 per client address (RENDER_LIMITER): a view served from memory or KV is
 * free, a render counts. Past the budget: 429 with Retry-After. Like writes, a request without
 * CF-Connecting-IP (inside the runtime, tests) is not limited.
 */
export async function limitRender(c: Context<AppEnv>): Promise<void> {
  const client = c.req.header('CF-Connecting-IP')
  const limiter = c.env.RENDER_LIMITER
  if (client && limiter && !(await limiter.limit({ key: client })).success) {
    throw new AppError(429, 'rate_limited', 'Too many pages built for this address; slow down.', {
      'Retry-After': '60',
    })
  }
}

/** For reads that always reach D1 (API listings and search): each one is a render. */
export const limitRenders = createMiddleware<AppEnv>(async (c, next) => {
  await limitRender(c)
  await next()
})
