import { AppError } from '../errors'
import { IngestError } from '../ingest'
import type { BulkOutcome, ItemResult, Problem } from '../model/api'
import type { Upload } from '../model/upload'
import type { Storage } from './storage'
import { storeUpload } from './write'

/** One item of a bulk body: what a single upload would be, or an error of that item alone. */
export interface BulkItem {
  /** A file name, when the item came as a file. */
  name?: string
  upload: Upload | AppError
}

/**
 * Stores each item on its own, in order: one item's failure is its own result and never touches
 * another's rows. Items past `maxItems` are refused one by one, so the client can resend exactly
 * those. When the body itself breaks off (over the byte limit, corrupt gzip) after some items, those stay stored and the outcome says
 * where it stopped; before any item, the error is thrown.
 */
export async function storeItems(
  storage: Storage,
  items: AsyncIterable<BulkItem>,
  maxItems: number,
): Promise<BulkOutcome> {
  const results: ItemResult[] = []
  const named = (name: string | undefined) => ({
    index: results.length,
    ...(name === undefined ? {} : { name }),
  })
  const fail = (name: string | undefined, { code, message }: Problem) =>
    results.push({ ...named(name), status: 'failed', error: { code, message } })
  try {
    for await (const { name, upload } of items) {
      if (results.length >= maxItems) {
        fail(name, tooMany(maxItems))
      } else if (upload instanceof AppError) {
        fail(name, upload)
      } else {
        try {
          const saved = await storeUpload(storage, upload)
          const { status, slug, revision } = saved
          results.push({ ...named(name), status, slug, url: `/articles/${slug}`, revision })
        } catch (error) {
          if (!(error instanceof IngestError || error instanceof AppError)) throw error
          fail(name, error)
        }
      }
    }
  } catch (error) {
    // The items' source throws AppError when the body itself breaks off.
    if (!(error instanceof AppError) || results.length === 0) throw error
    const cause = error
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
