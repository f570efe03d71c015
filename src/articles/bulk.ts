import { AppError } from '../errors'
import type { BulkOutcome, ItemResult, Problem } from '../model/api'
import type { Upload } from '../model/upload'
import type { Storage } from './storage'
import { storeGroup } from './write-group'

/** One item of a bulk body: what a single upload would be, or an error of that item alone. */
export interface BulkItem {
  /** A file name, when the item came as a file. */
  name?: string
  upload: Upload | AppError
}

/**
 * Stores each item, in groups (see storeGroup): one item's failure is its own result and never
 * touches another's rows. Items past `maxItems` are refused one by one, so the client can resend exactly
 * those. When the body itself breaks off (over the byte limit, corrupt gzip) after some items, those stay stored and the outcome says
 * where it stopped; before any item, the error is thrown.
 */
export async function storeItems(
  storage: Storage,
  items: AsyncIterable<BulkItem>,
  maxItems: number,
): Promise<BulkOutcome> {
  const results: ItemResult[] = []
  const named = (index: number, name: string | undefined) => ({
    index,
    ...(name === undefined ? {} : { name }),
  })
  const fail = (index: number, name: string | undefined, { code, message }: Problem) => {
    results[index] = { ...named(index, name), status: 'failed', error: { code, message } }
  }
  // Uploads waiting for their group: stored together (storeGroup), results in their places.
  let group: { index: number; name: string | undefined; upload: Upload }[] = []
  let groupBytes = 0
  const flush = async () => {
    if (group.length === 0) return
    const taken = group
    group = []
    groupBytes = 0
    const outcomes = await storeGroup(
      storage,
      taken.map((g) => g.upload),
    )
    outcomes.forEach((outcome, k) => {
      const { index, name } = taken[k]!
      if ('failed' in outcome) return fail(index, name, outcome.failed)
      const { status, slug, revision } = outcome
      results[index] = { ...named(index, name), status, slug, url: `/articles/${slug}`, revision }
    })
  }
  let count = 0
  try {
    for await (const { name, upload } of items) {
      const index = count++
      if (index >= maxItems) fail(index, name, tooMany(maxItems))
      else if (upload instanceof AppError) fail(index, name, upload)
      else {
        group.push({ index, name, upload })
        groupBytes += upload.bytes.length
        if (group.length >= GROUP_ITEMS || groupBytes >= GROUP_BYTES) await flush()
      }
    }
    await flush()
  } catch (error) {
    // The items' source throws AppError when the body itself breaks off.
    if (!(error instanceof AppError) || count === 0) throw error
    await flush()
    return {
      items: results,
      summary: summarize(results),
      stopped: { code: error.code, message: error.message },
    }
  }
  return { items: results, summary: summarize(results) }
}

/** A group of uploads stored together: one batch for its new articles, within D1's limits. */
const GROUP_ITEMS = 25
const GROUP_BYTES = 4 * 1024 * 1024

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
