import { ndjsonLines } from '../../lib/ndjson-lines'
import type { Splitter } from './types'

/** NDJSON: each non-blank line is one JSON article, numbered from 1 as editors number them. */
export const splitNdjson: Splitter = async function* (archive, from, limits) {
  const before = from.state ? (JSON.parse(from.state) as { line: number }).line : 0
  for await (const line of ndjsonLines(await archive.from(from.at), limits.maxItemBytes)) {
    const number = before + line.number
    const ref = { line: number }
    yield {
      item:
        'tooLong' in line
          ? { ref, problem: tooLarge('The line', limits.maxItemBytes) }
          : { ref, format: 'json', bytes: line.bytes, meta: {} },
      next: { at: from.at + line.end, state: JSON.stringify({ line: number }) },
    }
  }
}

export const tooLarge = (what: string, limit: number) => ({
  code: 'payload_too_large',
  message: `${what} exceeds the limit of ${limit} bytes for one article.`,
})
