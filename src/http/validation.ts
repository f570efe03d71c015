import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import { z } from 'zod'
import { AppError, notFound } from '../errors'
import { MAX_SLUG, SLUG_PATTERN } from '../model/slug'

/** Route params and queries are validated here; a failure is a 400 in the one error shape. */
export const validate = <Target extends keyof ValidationTargets, T extends z.ZodType>(
  target: Target,
  schema: T,
) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      if (target === 'param') throw notFound()
      const issue = result.error.issues[0]
      const where = issue?.path.length ? issue.path.join('.') : target
      throw new AppError(400, 'invalid_request', `${where}: ${issue?.message ?? 'invalid'}`)
    }
  })

/** A slug that cannot exist is simply not found. */
export const slugParam = z.object({
  slug: z.string().max(MAX_SLUG).regex(SLUG_PATTERN),
})

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional(),
})

/** A page of an HTML listing. */
export const pageQuery = z.object({ cursor: z.string().max(512).optional() })

export const uploadQuery = z.object({
  sourceUrl: z.string().max(2048).optional().describe("canonical URL: the article's identity"),
  publishedAt: z.string().max(64).optional().describe('ISO 8601 date or date-time'),
})

export const sourceQuery = z.object({
  revision: z.coerce.number().int().min(1).optional().describe('default: the current revision'),
})

export const searchQuery = z.object({
  q: z.string().max(200).optional().describe('words, or "a phrase"'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  cursor: z.string().max(512).optional(),
})
