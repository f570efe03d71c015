/**
 * `npm run ingest -- <files or folders> [--url http://127.0.0.1:8787] [--token T]
 *   [--concurrency 4] [--retries 5] [--job-threshold 100] [--max-import-bytes 100000000]
 *   [--poll-ms 500]`
 *
 * Archives go as import jobs (POST /api/imports), streamed from disk: .ndjson/.jsonl, .xml
 * WordPress exports and .json Ghost exports (told by their first 64 KiB). Articles
 * (.txt .json .html .htm .md .markdown) are uploaded one by one through the typed API client
 * with bounded concurrency; from --job-threshold of them on they are packed instead into
 * multipart import jobs of at most 90 MB. Anything over --max-import-bytes is refused before
 * anything is sent. Each job is followed until it ends, its progress as the bar; then its URL,
 * counts and failed items are printed. 429/5xx are retried with back-off. Exits 1 when any file
 * or item failed or a job failed, 2 on a usage error. The token comes from --token, else
 * $INGEST_TOKEN, else .dev.vars.
 */
import { resolve } from 'node:path'
import { uploadFile } from './cli/api-client'
import { classify } from './cli/archives'
import { devToken } from './cli/dev-token'
import { collectFiles } from './cli/files'
import { readOptions, usageError } from './cli/options'
import { nameOf, planWork } from './cli/plan'
import { mapPool } from './cli/pool'
import { progress, summaryTable } from './cli/report'
import { runImport } from './cli/run-import'

const options = readOptions(process.argv.slice(2))
const inputs = collectFiles(options.paths.map((p) => resolve(p))).map(classify)
const plan = planWork(inputs, {
  jobThreshold: options['job-threshold'],
  maxImportBytes: options['max-import-bytes'],
})
if (plan.refused.length > 0) usageError(plan.refused.map((why) => `ingest: ${why}`).join('\n'))
for (const input of inputs) {
  if (input.kind === 'skipped') console.error(`skipping ${nameOf(input.path)}: ${input.reason}`)
}
if (plan.uploads.length === 0 && plan.imports.length === 0) {
  console.error(`ingest: nothing to send under ${options.paths.join(', ')}`)
}

const client = {
  origin: options.url,
  token: options.token ?? process.env.INGEST_TOKEN ?? devToken(),
  retries: options.retries,
}
let failed = false
if (plan.uploads.length > 0) {
  console.error(`uploading ${plan.uploads.length} files to ${options.url}`)
  const bar = progress(plan.uploads.length)
  const outcomes = await mapPool(plan.uploads, options.concurrency, async (file) => {
    const outcome = await uploadFile(file, client)
    bar.tick(outcome)
    return { ...outcome, file: nameOf(file) }
  })
  console.log(summaryTable(outcomes))
  failed = outcomes.some((o) => o.status === 'failed')
}
// One job at a time, each followed to its end under its own bar.
for (const run of plan.imports) {
  const stored = await runImport(run, { ...client, pollMs: options['poll-ms'] })
  failed ||= !stored
}
process.exit(failed ? 1 : 0)
