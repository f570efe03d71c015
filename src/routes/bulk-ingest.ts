import type { Db } from '../db/client'
import { AppError } from '../http/errors'
import type { BulkItem } from '../http/bulk-sources'
import { bodyError } from '../http/upload-body'
import { IngestError } from '../ingest'
import { ingestUpload } from './ingest-upload'

export type ItemResult = { index: number; name?: string } & (
  | { status: 'created' | 'updated' | 'unchanged'; slug: string; url: string; revision: number }
  | { status: 'failed'; error: { code: string; message: string } }
)

export interface BulkOutcome {
  items: ItemResult[]
  summary: { total: number; created: number; updated: number; unchanged: number; failed: number }
  /** Set when the body itself broke off (over the byte limit, corrupt gzip) after some items. */
  stopped?: { code: string; message: string }
}

/**
 * Stores each item on its own, in order: one item's failure is its own result and never touches
 * another's rows. Items past `maxItems` are refused one by one, so the client can resend exactly
 * those.
 */
export async function ingestItems(
  db: Db,
  items: AsyncIterable<BulkItem>,
  maxItems: number,
): Promise<BulkOutcome> {
  const results: ItemResult[] = []
  const fail = (name: string | undefined, error: { code: string; message: string }) =>
    results.push({
      index: results.length,
      ...(name === undefined ? {} : { name }),
      status: 'failed',
      error: { code: error.code, message: error.message },
    })
  try {
    for await (const { name, upload } of items) {
      if (results.length >= maxItems) {
        fail(name, tooMany(maxItems))
      } else if (upload instanceof AppError) {
        fail(name, upload)
      } else {
        try {
          const saved = await ingestUpload(db, upload)
          results.push({
            index: results.length,
            ...(name === undefined ? {} : { name }),
            status: saved.status,
            slug: saved.slug,
            url: `/articles/${saved.slug}`,
            revision: saved.revision,
          })
        } catch (error) {
          if (!(error instanceof IngestError || error instanceof AppError)) throw error
          fail(name, error)
        }
      }
    }
  } catch (error) {
    const cause = bodyError(error)
    if (results.length === 0) throw cause
    return {
      items: results,
      summary: summarize(results),
      stopped: { code: cause.code, message: cause.message },
    }
  }
  return { items: results, summary: summarize(results) }
}

const tooMany = (max: number) =>
  new AppError(
    413,
    'too_many_items',
    `At most ${max} items per request; send the rest in another request.`,
  )

function summarize(results: ItemResult[]): BulkOutcome['summary'] {
  const summary = { total: results.length, created: 0, updated: 0, unchanged: 0, failed: 0 }
  for (const r of results) summary[r.status]++
  return summary
}
