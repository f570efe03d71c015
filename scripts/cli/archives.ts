import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { extname } from 'node:path'

export type Input =
  | { kind: 'archive'; path: string; contentType: string; bytes: number }
  | { kind: 'file'; path: string; bytes: number }
  | { kind: 'skipped'; path: string; reason: string }

/** How much of a file is read to tell an export from an article: enough for any preamble. */
export const SNIFF_BYTES = 64 * 1024

// The namespace every WordPress export declares on its <rss> root (as the server checks).
const WP_NAMESPACE = /\sxmlns:wp\s*=\s*["']https?:\/\/wordpress\.org\/export\/[\d.]+\/?["']/

/**
 * What a collected file is: an archive to import as a job (NDJSON, a WordPress export, a Ghost
 * export), a file to upload on its own, or an .xml file that is not a WordPress export.
 */
export function classify(path: string): Input {
  const bytes = statSync(path).size
  const extension = extname(path).toLowerCase()
  if (extension === '.ndjson' || extension === '.jsonl') {
    return { kind: 'archive', path, contentType: 'application/x-ndjson', bytes }
  }
  if (extension === '.xml') {
    const head = readHead(path)
    if (/<rss[\s>]/.test(head) && WP_NAMESPACE.test(head)) {
      return { kind: 'archive', path, contentType: 'application/xml', bytes }
    }
    return { kind: 'skipped', path, reason: 'not a WordPress export (no <rss> with xmlns:wp)' }
  }
  if (extension === '.json' && isGhostExport(readHead(path))) {
    return { kind: 'archive', path, contentType: 'application/json', bytes }
  }
  return { kind: 'file', path, bytes }
}

/** A Ghost export is one object holding `db`; an article's JSON has no `db` key near its start. */
export const isGhostExport = (head: string) => /^\uFEFF?\s*\{/.test(head) && head.includes('"db"')

function readHead(path: string): string {
  const buffer = Buffer.alloc(SNIFF_BYTES)
  const fd = openSync(path, 'r')
  try {
    const read = readSync(fd, buffer, 0, SNIFF_BYTES, 0)
    return buffer.subarray(0, read).toString('utf8')
  } finally {
    closeSync(fd)
  }
}
