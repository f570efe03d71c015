import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { IngestError, normalizeUpload } from '../src/ingest'
import type { BenchOptions } from './options'

/** CPU per page of the HTML normalizer over a folder of real saved pages, ms. */
export type ExtractionCpu =
  | { ok: true; pages: number; refused: number; median: number; p90: number; max: number }
  | { ok: false; reason: string }

/** The public extraction benchmark's pages beside the project (see `npm run eval:body`). */
const DEV_SET = '../shared/extraction-dev/html'

/**
 * Each page normalized a few times after one warm-up call, its CPU the median of those calls
 * (process CPU time, so other work on the machine does not count); then the median, p90 and
 * maximum over the pages.
 */
export function measureExtractionCpu(root: string, options: BenchOptions): ExtractionCpu {
  const folder = resolve(root, DEV_SET)
  if (!existsSync(folder)) return { ok: false, reason: `n/a (no ${DEV_SET})` }
  const files = readdirSync(folder).filter((name) => name.endsWith('.html.gz'))
  const calls = options.smoke ? 1 : 5
  const perPage: number[] = []
  let refused = 0
  for (const file of files) {
    const text = gunzipSync(readFileSync(resolve(folder, file))).toString('utf8')
    const normalize = () => {
      try {
        normalizeUpload({ format: 'html', text }, {})
        return true
      } catch (error) {
        if (error instanceof IngestError) return false
        throw error
      }
    }
    if (!normalize()) refused++
    const samples: number[] = []
    for (let i = 0; i < calls; i++) {
      const started = process.cpuUsage()
      normalize()
      const used = process.cpuUsage(started)
      samples.push((used.user + used.system) / 1000)
    }
    perPage.push(quantile(samples, 0.5))
  }
  if (perPage.length === 0) return { ok: false, reason: `n/a (no pages in ${DEV_SET})` }
  return {
    ok: true,
    pages: perPage.length,
    refused,
    median: quantile(perPage, 0.5),
    p90: quantile(perPage, 0.9),
    max: Math.max(...perPage),
  }
}

/** The value at `q` of the sorted values (nearest rank). */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
}
