/**
 * `npm run ingest -- <files or folders> [--url http://127.0.0.1:8787] [--token T]
 *   [--concurrency 4] [--retries 5]`
 *
 * Uploads every supported file (.txt .json .html .htm .md .markdown) through the typed API client,
 * with bounded concurrency and back-off retries on 429/5xx, and exits 1 when any file failed.
 * The token comes from --token, else $INGEST_TOKEN, else .dev.vars.
 */
import { existsSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { uploadFile } from './cli/api-client'
import { collectFiles } from './cli/files'
import { mapPool } from './cli/pool'
import { progress, summaryTable } from './cli/report'
import { devToken } from './cli/dev-token'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string', default: process.env.INGEST_URL ?? 'http://127.0.0.1:8787' },
    token: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    retries: { type: 'string', default: '5' },
  },
})

if (positionals.length === 0) {
  console.error(
    'usage: npm run ingest -- <files or folders> [--url URL] [--token T] [--concurrency N] [--retries N]',
  )
  process.exit(2)
}

const missing = positionals.filter((p) => !existsSync(p))
if (missing.length > 0) {
  console.error(`ingest: no such file or folder: ${missing.join(', ')}`)
  process.exit(2)
}
for (const flag of ['concurrency', 'retries'] as const) {
  const n = Number(values[flag])
  if (!Number.isInteger(n) || n < (flag === 'retries' ? 0 : 1)) {
    console.error(
      `ingest: --${flag} must be a whole number (at least ${flag === 'retries' ? 0 : 1}), got ${values[flag]}`,
    )
    process.exit(2)
  }
}

const token = values.token ?? process.env.INGEST_TOKEN ?? devToken()
const files = collectFiles(positionals.map((p) => resolve(p)))
console.error(`uploading ${files.length} files to ${values.url}`)
const bar = progress(files.length)
const outcomes = await mapPool(files, Number(values.concurrency), async (file) => {
  const outcome = await uploadFile(file, {
    origin: values.url,
    token,
    retries: Number(values.retries),
  })
  bar.tick(outcome)
  return { ...outcome, file: relative(process.cwd(), file) }
})
console.log(summaryTable(outcomes))
process.exit(outcomes.some((o) => o.status === 'failed') ? 1 : 0)
