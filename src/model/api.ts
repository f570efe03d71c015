/** The shapes the API answers beside the article itself; types inferred, as in article.ts. */
import { z } from 'zod'
import { articleStatus, articleSummary, named, revisionReason, sourceFormat } from './article'

const iso = z.string().describe('ISO 8601')
const cursor = z.string().nullable().describe('Pass as ?cursor= for the next page; null at the end')

export const listing = z.object({
  items: z.array(articleSummary),
  nextCursor: cursor,
  author: named.optional(),
  tag: named.optional(),
  month: z.string().optional().describe('YYYY-MM'),
})

export const revisionInfo = z.strictObject({
  revision: z.number().int(),
  reason: revisionReason,
  status: articleStatus.describe('The status this revision gave the article'),
  publishAt: iso.nullable(),
  fingerprint: z.string().describe('SHA-256 of the normalized article, hex'),
  createdAt: iso,
  source: z.strictObject({
    format: sourceFormat,
    contentType: z.string(),
    contentHash: z.string(),
    byteLength: z.number().int(),
  }),
})
export type RevisionInfo = z.infer<typeof revisionInfo>

export const revisions = z.strictObject({
  slug: z.string(),
  items: z.array(revisionInfo).describe('Newest first'),
  nextCursor: cursor,
})

export const searchResult = z.strictObject({
  ...articleSummary.shape,
  snippet: z.string(),
  marks: z
    .array(z.tuple([z.number().int(), z.number().int()]))
    .describe('[start, end) of each match in snippet'),
})
export type SearchResult = z.infer<typeof searchResult>

export const searchResults = z.strictObject({
  query: z.string(),
  items: z.array(searchResult),
  nextCursor: cursor,
})

export const problem = z.strictObject({ code: z.string(), message: z.string() })
export type Problem = z.infer<typeof problem>

export const errorResponse = z.strictObject({ error: problem })

export const SAVE_STATUSES = ['created', 'updated', 'unchanged'] as const
export type SaveStatus = (typeof SAVE_STATUSES)[number]

const itemOf = { index: z.number().int(), name: z.string().optional().describe('The file name') }

export const itemResult = z.discriminatedUnion('status', [
  z.strictObject({
    ...itemOf,
    status: z.enum(SAVE_STATUSES),
    slug: z.string(),
    url: z.string(),
    revision: z.number().int(),
  }),
  z.strictObject({ ...itemOf, status: z.literal('failed'), error: problem }),
])
export type ItemResult = z.infer<typeof itemResult>

export const bulkResult = z.strictObject({
  items: z.array(itemResult),
  summary: z.strictObject({
    total: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
  }),
  stopped: problem.optional().describe('Set when the body broke off after some items'),
})
export type BulkOutcome = z.infer<typeof bulkResult>

/** What `PATCH /api/articles/:slug` takes: a status, a publish time, or both. */
export const publicationChange = z
  .strictObject({
    status: articleStatus.optional(),
    publishAt: z
      .string()
      .max(64)
      .optional()
      .describe('ISO 8601 date-time; alone, it schedules the article'),
  })
  .refine((change) => change.status || change.publishAt, 'give status, publishAt or both')
