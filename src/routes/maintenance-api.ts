import { Hono } from 'hono'
import { z } from 'zod'
import { moveOriginalsToR2 } from '../articles/originals'
import type { AppEnv } from '../env'
import { requireScope } from '../http/auth'
import { json, operation } from '../http/operation'
import { storageOf } from '../http/storage'
import { validate } from '../http/validation'

const moveQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  after: z.string().max(64).optional().describe('`next` from the previous pass'),
})

const moveReport = z.strictObject({
  moved: z.number().int(),
  refused: z.array(z.strictObject({ sourceId: z.string(), reason: z.string() })),
  remaining: z.number().int().describe('Sources still in D1, refused ones included'),
  next: z.string().nullable().describe('Pass it as `after`; null at the end'),
})

/** Work an operator runs once in a while: moving an older install's originals to R2. */
export const maintenanceApi = new Hono<AppEnv>().post(
  '/originals',
  operation({
    id: 'moveOriginals',
    summary: 'Move originals stored in D1 (before R2) to R2, a pass at a time',
    description:
      'Each is checked against its hash, stored in R2 and found there before its D1 bytes go. Repeat with `after` set to `next` until `next` is null (`npm run originals:move` does).',
    tag: 'Articles',
    auth: 'bearer',
    scope: 'admin',
    responses: { 200: { description: 'What this pass did', content: json(moveReport) } },
    errors: [400, 401, 429, 503],
  }),
  requireScope('admin'),
  validate('query', moveQuery),
  async (c) => {
    const { limit, after } = c.req.valid('query')
    return c.json(await moveOriginalsToR2(storageOf(c), { limit, after: after ?? null }))
  },
)
