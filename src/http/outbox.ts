import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env'
import { drainOutbox } from '../webhooks/outbox'
import { afterResponse } from './auth'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * After a write's response, the webhook outbox is sent to the queue (waitUntil), so a change's
 * events leave within moments, never inside the request; the cron sends whatever this missed.
 */
export const drainAfterWrites = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  if (WRITES.has(c.req.method) && c.res.status < 400 && c.env.WEBHOOKS) {
    await afterResponse(c, drainOutbox(c.env))
  }
})
