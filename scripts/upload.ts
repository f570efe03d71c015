import { readdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join, relative } from 'node:path'

/** Content types by file extension: what the API accepts today. */
export const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.markdown': 'text/markdown; charset=utf-8',
}

export interface UploadOutcome {
  file: string
  status: 'created' | 'updated' | 'unchanged' | 'failed'
  url?: string
  error?: string
}

/** Every supported file under the given paths, in a stable order. */
export function collectFiles(paths: string[]): string[] {
  const files: string[] = []
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      const entries = readdirSync(path).sort()
      files.push(...collectFiles(entries.map((entry) => join(path, entry))))
    } else if (CONTENT_TYPES[extname(path)]) {
      files.push(path)
    }
  }
  return files
}

/** Uploads files one by one through POST /api/articles. */
export async function uploadFiles(
  paths: string[],
  { origin, token }: { origin: string; token: string },
): Promise<UploadOutcome[]> {
  const outcomes: UploadOutcome[] = []
  for (const file of collectFiles(paths)) {
    const res = await fetch(`${origin}/api/articles`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      },
      body: readFileSync(file),
    })
    const body = (await res.json()) as { url?: string; error?: { message: string } }
    const name = relative(process.cwd(), file)
    outcomes.push(
      res.ok
        ? {
            file: name,
            status: (res.headers.get('X-Ingest-Result') ?? 'created') as UploadOutcome['status'],
            url: body.url,
          }
        : { file: name, status: 'failed', error: `${res.status} ${body.error?.message ?? ''}` },
    )
  }
  return outcomes
}
