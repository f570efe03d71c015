import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { hc } from 'hono/client'
import type { App } from '../../src/index'
import { CONTENT_TYPES } from './files'
import { withRetries, type RetryOptions } from './retry'

export type Outcome =
  | { file: string; status: 'created' | 'updated' | 'unchanged'; url: string; attempts: number }
  | { file: string; status: 'failed'; error: string; attempts: number }

export interface ClientOptions extends RetryOptions {
  origin: string
  token: string
}

/** Uploads one file through the typed API client, retrying 429/5xx and network errors. */
export async function uploadFile(file: string, options: ClientOptions): Promise<Outcome> {
  const client = hc<App>(options.origin)
  const body = await readFile(file)
  const contentType = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
  const sent = await withRetries(
    () =>
      client.api.articles.$post(
        { query: {} },
        {
          headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': contentType },
          init: { body },
        },
      ),
    options,
  )
  if (!sent.ok) return { file, status: 'failed', error: sent.error, attempts: sent.attempts }
  const article = (await sent.res.json()) as { url: string }
  const status = (sent.res.headers.get('X-Ingest-Result') ?? 'created') as 'created'
  return { file, status, url: article.url, attempts: sent.attempts }
}
