import { z } from 'zod'

/**
 * What the API answers, as zod schemas. They feed /openapi.json, and the route tests parse real
 * responses with them (strictly), so the description cannot drift from what is served.
 */
const named = z.strictObject({ name: z.string(), slug: z.string() })
const iso = z.string().describe('ISO 8601')

const block = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), text: z.string() }),
  z.strictObject({
    type: z.literal('heading'),
    level: z.union([z.literal(2), z.literal(3), z.literal(4)]),
    text: z.string(),
  }),
  z.strictObject({ type: z.literal('quote'), text: z.string() }),
  z.strictObject({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.string()) }),
])

export const articleSummary = z.strictObject({
  id: z.string(),
  slug: z.string(),
  url: z.string(),
  title: z.string(),
  headline: z.string(),
  kicker: z.string().nullable(),
  authors: z.array(named),
  summary: z.string(),
  publishedAt: iso.nullable(),
  updatedAt: iso,
  revision: z.number().int(),
})

export const article = z.strictObject({
  ...articleSummary.shape,
  dateline: z.string().nullable(),
  body: z.array(block),
  related: z.array(z.strictObject({ title: z.string(), url: z.string().nullable() })),
  notices: z.array(z.string()),
  captions: z.array(z.string()),
  tags: z.array(named),
  wordCount: z.number().int(),
  readingMinutes: z.number().int(),
  modifiedAt: iso.nullable(),
  siteName: z.string().nullable(),
  language: z.string().nullable(),
  image: z.strictObject({ url: z.string(), caption: z.string().nullable() }).nullable(),
  createdAt: iso,
  source: z.strictObject({
    format: z.enum(['text', 'json', 'html', 'markdown']),
    url: z.string().nullable(),
    contentHash: z.string().describe('SHA-256 of the original upload, hex'),
  }),
})

export const listing = z.object({
  items: z.array(articleSummary),
  nextCursor: z.string().nullable(),
  author: named.optional(),
  tag: named.optional(),
  month: z.string().optional(),
})

export const revisions = z.strictObject({
  slug: z.string(),
  items: z.array(
    z.strictObject({
      revision: z.number().int(),
      reason: z.enum(['upload', 'renormalize']),
      fingerprint: z.string(),
      createdAt: iso,
      source: z.strictObject({
        format: z.enum(['text', 'json', 'html', 'markdown']),
        contentType: z.string(),
        contentHash: z.string(),
        byteLength: z.number().int(),
      }),
    }),
  ),
})

export const searchResults = z.strictObject({
  query: z.string(),
  items: z.array(
    z.strictObject({
      ...articleSummary.shape,
      snippet: z.string(),
      marks: z
        .array(z.tuple([z.number().int(), z.number().int()]))
        .describe('[start, end) of each match in snippet'),
    }),
  ),
  nextCursor: z.string().nullable(),
})

export const bulkResult = z.object({
  items: z.array(
    z.object({
      index: z.number().int(),
      name: z.string().optional(),
      status: z.enum(['created', 'updated', 'unchanged', 'failed']),
      slug: z.string().optional(),
      url: z.string().optional(),
      revision: z.number().int().optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
  summary: z.object({
    total: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
  }),
  stopped: z.object({ code: z.string(), message: z.string() }).optional(),
})

export const errorResponse = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string() }),
})
