import { Hono } from 'hono'
import { z } from 'zod'
import { moveOriginalsToR2 } from '../articles/originals'
import { reslug } from '../articles/reslug'
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

const slugsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(200),
  after: z
    .string()
    .max(1024)
    .regex(/^(articles|author|tag):/)
    .optional()
    .describe('`next` from the previous pass'),
})

const slugsReport = z.strictObject({
  relinked: z.number().int().describe('Articles whose author or tag links moved to new slugs'),
  retired: z.number().int().describe('Old slugs no article links to now, redirecting to new ones'),
  next: z.string().nullable().describe('Pass it as `after`; null at the end'),
})

/**
 * Work an operator runs once in a while: moving an older install's originals to R2, and giving
 * its authors and tags the slugs ingest makes now.
 */
export const maintenanceApi = new Hono<AppEnv>()
  .post(
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
  .post(
    '/slugs',
    operation({
      id: 'renameSlugs',
      summary: 'Give stored authors and tags the slugs ingest makes now, a pass at a time',
      description:
        'For an install from before Unicode slugs: an author or tag whose name has no Latin letters had an opaque slug (`tag-1pgij4` for 東京); it becomes readable (`東京`). First every article (`limit` a pass): its links move to the new slugs and its pages are invalidated; then every author and tag no article links to any more: an old slug redirects (301) to its new one. Repeat with `after` set to `next` until `next` is null (`npm run slugs:rename` does); safe to stop and run again.',
      tag: 'Articles',
      auth: 'bearer',
      scope: 'admin',
      responses: { 200: { description: 'What this pass did', content: json(slugsReport) } },
      errors: [400, 401, 429, 503],
    }),
    requireScope('admin'),
    validate('query', slugsQuery),
    async (c) => {
      const { limit, after } = c.req.valid('query')
      return c.json(await reslug(storageOf(c).db, limit, after ?? null))
    },
  )
