/** Import jobs as the API shows them; types inferred, as in article.ts. */
import { z } from 'zod'
import { problem } from './api'

export const IMPORT_FORMATS = ['ndjson', 'multipart', 'wxr', 'ghost'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const
export const ITEM_STATUSES = ['created', 'updated', 'unchanged', 'failed'] as const
export type ItemStatus = (typeof ITEM_STATUSES)[number]

/**
 * Where an item was in its archive: its line (NDJSON, from 1), its file name (multipart), its
 * guid (WordPress) or post id (Ghost), or, for something unreadable, the byte it starts at.
 */
export type ItemRef = { line: number } | { file: string } | { guid: string } | { offset: number }

const iso = z.string().describe('ISO 8601')
const count = z.number().int().min(0)

export const importJob = z.strictObject({
  id: z.string(),
  status: z.enum(IMPORT_STATUSES),
  format: z.enum(IMPORT_FORMATS),
  total: count.describe('Items found in the archive so far; final once `split` is true'),
  done: count.describe('Items with an outcome: created + updated + unchanged + failed'),
  created: count,
  updated: count,
  unchanged: count,
  failed: count,
  skipped: count.describe(
    'Entries of the archive that are not articles (pages, attachments, menu items), not counted in total',
  ),
  split: z.boolean().describe('Whether the whole archive has been read into chunks'),
  archive: z.strictObject({
    contentType: z.string(),
    bytes: count,
    sha256: z.string(),
    read: count.describe('Bytes of the archive read into chunks so far'),
  }),
  error: problem.nullable().describe('Why the job stopped before reading its whole archive'),
  createdAt: iso,
  updatedAt: iso,
  finishedAt: iso.nullable(),
  links: z.strictObject({ self: z.string(), items: z.string(), failures: z.string() }),
})
export type ImportJob = z.infer<typeof importJob>

export const importJobs = z.strictObject({
  items: z.array(importJob).describe('Newest first'),
  nextCursor: z.string().nullable(),
})

export const importItem = z.strictObject({
  index: count.describe('The item’s place in the archive, from 0'),
  status: z.enum(ITEM_STATUSES),
  line: z.number().int().optional().describe('NDJSON: its line, from 1'),
  file: z.string().optional().describe('multipart: its file name'),
  guid: z.string().optional().describe('WordPress: its guid; Ghost: its post id'),
  offset: z.number().int().optional().describe('Something unreadable: the byte it starts at'),
  slug: z.string().optional(),
  url: z.string().optional(),
  revision: z.number().int().optional(),
  error: problem.optional(),
  retryable: z
    .boolean()
    .optional()
    .describe('A failure of storage, not of the item: POST …/retry tries it again'),
})
export type ImportItem = z.infer<typeof importItem>

export const importItems = z.strictObject({
  items: z.array(importItem),
  nextCursor: z.string().nullable(),
})
