import { readdirSync, statSync } from 'node:fs'
import { extname, join } from 'node:path'

/** Content types by file extension: every format the API accepts one file at a time. */
export const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.markdown': 'text/markdown; charset=utf-8',
}

/** Extensions of archives, imported as jobs (see archives.ts). */
export const ARCHIVE_EXTENSIONS = new Set(['.ndjson', '.jsonl', '.xml'])

/** Sidecar files that describe a test corpus, not articles. */
const SKIP = /\.expected\.json$/

const supported = (path: string) => {
  const extension = extname(path).toLowerCase()
  return (CONTENT_TYPES[extension] || ARCHIVE_EXTENSIONS.has(extension)) && !SKIP.test(path)
}

/** Every supported file or archive under the given paths, depth first, in a stable order. */
export function collectFiles(paths: string[]): string[] {
  const files: string[] = []
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      const entries = readdirSync(path)
        .filter((entry) => !entry.startsWith('.'))
        .sort()
      files.push(...collectFiles(entries.map((entry) => join(path, entry))))
    } else if (supported(path)) {
      files.push(path)
    }
  }
  return files
}
