import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { hc } from 'hono/client'
import type { App } from '../../src/index'
import { CONTENT_TYPES } from './files'

export type Outcome =
  | { file: string; status: 'created' | 'updated' | 'unchanged'; url: string; attempts: number }
  | { file: string; status: 'failed'; error: string; attempts: number }

export interface ClientOptions {
  origin: string
  token: string
  retries: number
  /** Base of the exponential back-off, in ms (tests and scripts may shrink it). */
  backoffMs?: number
}

const RETRYABLE = new Set([429, 500, 502, 503, 504])

/** Uploads one file through the typed API client, retrying 429/5xx and network errors. */
export async function uploadFile(file: string, options: ClientOptions): Promise<Outcome> {
  const client = hc<App>(options.origin)
  const body = await readFile(file)
  const contentType = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
  for (let attempt = 1; ; attempt++) {
    let retryAfterMs: number | null = null
    try {
      const res = await client.api.articles.$post(
        { query: {} },
        {
          headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': contentType },
          init: { body },
        },
      )
      if (res.ok) {
        const article = (await res.json()) as { url: string }
        const status = (res.headers.get('X-Ingest-Result') ?? 'created') as 'created'
        return { file, status, url: article.url, attempts: attempt }
      }
      const error = await errorMessage(res)
      if (!RETRYABLE.has(res.status) || attempt > options.retries) {
        return { file, status: 'failed', error, attempts: attempt }
      }
      retryAfterMs = retryAfter(res.headers.get('Retry-After'))
    } catch (error) {
      if (attempt > options.retries) {
        return { file, status: 'failed', error: `network: ${String(error)}`, attempts: attempt }
      }
    }
    const base = options.backoffMs ?? 250
    const delay = retryAfterMs ?? base * 2 ** (attempt - 1) * (0.5 + Math.random())
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, 30_000)))
  }
}

async function errorMessage(res: {
  status: number
  statusText: string
  json(): Promise<unknown>
}): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } }
    return `${res.status} ${body.error?.code ?? ''}: ${body.error?.message ?? ''}`.trim()
  } catch {
    return `${res.status} ${res.statusText}`
  }
}

function retryAfter(header: string | null): number | null {
  if (!header) return null
  const seconds = Number(header)
  return Number.isFinite(seconds) ? seconds * 1000 : null
}
