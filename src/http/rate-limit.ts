import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env'
import { AppError } from './errors'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Seconds a client is told to wait: the limiter's window (wrangler.toml, `period`). */
const RETRY_AFTER_SECONDS = '60'

/**
 * Write requests per client address, through Workers' rate-limit binding, before the token is
 * even checked (so guessing tokens is throttled too). Cloudflare sets CF-Connecting-IP on every
 * request it forwards; a request without it has not come through Cloudflare's edge (tests, direct
 * calls inside the runtime) and is not limited.
 */
export const limitWrites = createMiddleware<AppEnv>(async (c, next) => {
  const client = c.req.header('CF-Connecting-IP')
  if (WRITES.has(c.req.method) && client && c.env.WRITE_LIMITER) {
    const { success } = await c.env.WRITE_LIMITER.limit({ key: client })
    if (!success) {
      throw new AppError(429, 'rate_limited', 'Too many writes from this address; slow down.', {
        'Retry-After': RETRY_AFTER_SECONDS,
      })
    }
  }
  await next()
})
