import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'

export const USAGE =
  'usage: npm run ingest -- <files or folders> [--url URL] [--token T] [--concurrency N] [--retries N] [--job-threshold N] [--max-import-bytes N] [--poll-ms N]'

/** Whole-number flags and the least each may be. */
const MINIMUMS = {
  concurrency: 1,
  retries: 0,
  'job-threshold': 1,
  'max-import-bytes': 1,
  'poll-ms': 1,
} as const

/** The command line, checked: a usage error is one line on stderr and exit 2. */
export function readOptions(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      url: { type: 'string', default: process.env.INGEST_URL ?? 'http://127.0.0.1:8787' },
      token: { type: 'string' },
      concurrency: { type: 'string', default: '4' },
      retries: { type: 'string', default: '5' },
      'job-threshold': { type: 'string', default: '100' },
      // The server's default MAX_IMPORT_BYTES.
      'max-import-bytes': { type: 'string', default: '100000000' },
      'poll-ms': { type: 'string', default: '500' },
    },
  })
  if (positionals.length === 0) usageError(USAGE)
  const missing = positionals.filter((p) => !existsSync(p))
  if (missing.length > 0) usageError(`ingest: no such file or folder: ${missing.join(', ')}`)
  const numbers = {} as Record<keyof typeof MINIMUMS, number>
  for (const [flag, least] of Object.entries(MINIMUMS) as [keyof typeof MINIMUMS, number][]) {
    const n = Number(values[flag])
    if (!Number.isInteger(n) || n < least) {
      usageError(
        `ingest: --${flag} must be a whole number (at least ${least}), got ${values[flag]}`,
      )
    }
    numbers[flag] = n
  }
  return { paths: positionals, url: values.url, token: values.token, ...numbers }
}

export function usageError(message: string): never {
  console.error(message)
  process.exit(2)
}
