import type { ValidationTargets } from 'hono'
import { createMiddleware } from 'hono/factory'
import { validator } from 'hono-openapi'
import type { AppEnv } from '../env'
import { z } from 'zod'
import { AppError } from '../errors'
import { MAX_NAME_SEGMENT, MAX_SLUG, NAME_SEGMENT_PATTERN, SLUG_PATTERN } from '../model/slug'

/**
 * Route params and queries are validated here, and the same schemas describe them in
 * /openapi.json. A failure is a 400 in the one error shape; a path that cannot exist is a 404.
 */
export const validate = <Target extends keyof ValidationTargets, T extends z.ZodType>(
  target: Target,
  schema: T,
) =>
  validator(target, schema, (result, c) => {
    if (!result.success) {
      if (target === 'param') throw new AppError(404, 'not_found', `Nothing at ${c.req.path}.`)
      const issue = result.error[0]
      const path = (issue?.path ?? []).map((p) => (typeof p === 'object' ? p.key : p))
      const where = path.length ? path.join('.') : target
      throw new AppError(400, 'invalid_request', `${where}: ${issue?.message ?? 'invalid'}`)
    }
  })

/** A slug that cannot exist is simply not found. */
export const slugParam = z.object({
  slug: z.string().max(MAX_SLUG).regex(SLUG_PATTERN),
})

/** An author's or tag's slug, in any script (decoded from its percent-encoding), or a form of one. */
export const nameParam = z.object({
  slug: z
    .string()
    .max(MAX_NAME_SEGMENT)
    .regex(NAME_SEGMENT_PATTERN)
    .describe(
      'In its own script, percent-encoded (`%E6%9D%B1%E4%BA%AC`: 東京); another form of it answers 301',
    ),
})

/** An archive month: a year and a month 01–12; any other is no page. */
export const monthParam = z.object({
  year: z.string().regex(/^[0-9]{4}$/),
  month: z.string().regex(/^(0[1-9]|1[0-2])$/),
})

export const sitemapFileParam = z.object({ file: z.string().regex(/^[0-9]{1,6}\.xml$/) })

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional(),
})

/** A page of an HTML listing. */
export const pageQuery = z.object({ cursor: z.string().max(512).optional() })

export const uploadQuery = z.object({
  sourceUrl: z.string().max(2048).optional().describe("canonical URL: the article's identity"),
  publishedAt: z.string().max(64).optional().describe('ISO 8601 date or date-time'),
  status: z
    .enum(['draft', 'scheduled', 'published'])
    .optional()
    .describe('default: published for a new article; an update keeps the stored status'),
  publishAt: z
    .string()
    .max(64)
    .optional()
    .describe('ISO 8601 date-time: schedules the article (status scheduled)'),
})

export const sourceQuery = z.object({
  revision: z.coerce.number().int().min(1).optional().describe('default: the current revision'),
})

export const searchQuery = z.object({
  q: z.string().max(200).optional().describe('words, "a phrase", a OR b, -word'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  cursor: z.string().max(512).optional(),
})

/**
 * A JSON body that parses, before `validate('json', …)` reads it (Hono keeps the parsed body):
 * a body that is not JSON is `400 invalid_json`, not the framework's own error.
 */
export const jsonBody = createMiddleware<AppEnv>(async (c, next) => {
  if (/^application\/([a-z.-]+\+)?json\s*(;|$)/i.test(c.req.header('Content-Type') ?? '')) {
    try {
      await c.req.json()
    } catch {
      throw new AppError(400, 'invalid_json', 'The body is not JSON.')
    }
  }
  await next()
})
