export interface RetryOptions {
  retries: number
  /** Base of the exponential back-off, in ms (tests and scripts may shrink it). */
  backoffMs?: number
}

/** What every API answer offers, whether from `hono/client` or plain fetch. */
export interface Answer<T = unknown> {
  ok: boolean
  status: number
  statusText: string
  headers: Headers
  json(): Promise<T>
}

export type Sent<R> =
  { ok: true; res: R; attempts: number } | { ok: false; error: string; attempts: number }

const RETRYABLE = new Set([429, 500, 502, 503, 504])

/**
 * Sends until an answer is ok, retrying 429/5xx and network errors with exponential back-off
 * (or the server's Retry-After); any other status, or the last retry, is an error message.
 */
export async function withRetries<R extends Answer>(
  send: () => Promise<R>,
  options: RetryOptions,
): Promise<Sent<R>> {
  for (let attempt = 1; ; attempt++) {
    let retryAfterMs: number | null = null
    try {
      const res = await send()
      if (res.ok) return { ok: true, res, attempts: attempt }
      const error = await errorMessage(res)
      if (!RETRYABLE.has(res.status) || attempt > options.retries) {
        return { ok: false, error, attempts: attempt }
      }
      retryAfterMs = retryAfter(res.headers.get('Retry-After'))
    } catch (error) {
      if (attempt > options.retries) {
        return { ok: false, error: `network: ${String(error)}`, attempts: attempt }
      }
    }
    const base = options.backoffMs ?? 250
    const delay = retryAfterMs ?? base * 2 ** (attempt - 1) * (0.5 + Math.random())
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, 30_000)))
  }
}

async function errorMessage(res: Answer): Promise<string> {
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
