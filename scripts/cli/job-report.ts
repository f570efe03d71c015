import type { ImportItem, ImportJob } from '../../src/model/imports'
import { bar, countsLine, countsTable, statusLine, type Output } from './report'

/** Bytes as people read them, in the decimal units the import limit is given in. */
export function sizeOf(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}

/**
 * A job's progress as a bar: the archive's bytes read until it is all split (the item count is
 * not final before), then items with an outcome out of the total, with the counts so far.
 */
export function jobProgress(stream: Output = process.stderr) {
  const line = statusLine(stream)
  return {
    update(job: ImportJob) {
      if (!job.split) {
        const { read, bytes } = job.archive
        const fraction = bytes === 0 ? 0 : read / bytes
        const text = `${bar(fraction)} ${job.status}: read ${sizeOf(read)} of ${sizeOf(bytes)}, ${job.total} items found`
        line.draw(text, `read ${Math.floor(fraction * 10)}`)
      } else {
        const fraction = job.total === 0 ? 1 : job.done / job.total
        const text = `${bar(fraction)} ${job.done}/${job.total}  ${countsLine(job)}`
        line.draw(text, `items ${Math.floor(fraction * 10)}`)
      }
    },
    end: () => line.end(),
  }
}

/** Where an item was in its archive, as the user would look for it. */
export function itemPlace(item: ImportItem): string {
  if (item.file !== undefined) return item.file
  if (item.line !== undefined) return `line ${item.line}`
  if (item.guid !== undefined) return item.guid
  if (item.offset !== undefined) return `byte ${item.offset}`
  return `item ${item.index + 1}`
}

/** The closing report of one job: its status and address, counts, then every failure. */
export function jobSummary(name: string, url: string, job: ImportJob, failures: ImportItem[]) {
  const { created, updated, unchanged, failed } = job
  const lines = [
    '',
    `  ${name}: ${job.status}  ${url}`,
    ...countsTable('items', { created, updated, unchanged, failed }, job.total),
  ]
  if (job.skipped > 0) lines.push(`  passed over: ${job.skipped} (not articles)`)
  if (job.error) lines.push('', `  the job stopped: ${job.error.code} ${job.error.message}`)
  if (failures.length > 0) {
    lines.push('', '  failed items:')
    for (const item of failures) {
      lines.push(`  ${itemPlace(item)}: ${item.error?.code ?? ''} ${item.error?.message ?? ''}`)
    }
  }
  return lines.join('\n')
}
