import autocannon from 'autocannon'

export interface Shot {
  path: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
}

export interface LoadSpec {
  origin: string
  connections: number
  seconds: number
  /** One request, or a function giving each request its own path or body. */
  shot: Shot | (() => Shot)
  /** Stop after this many requests: the size of a pool of requests that must not repeat. */
  max?: number
  timeoutSeconds?: number
  /** Sees every response body (a bulk upload's per-item summary, the floor's count). */
  onBody?: (status: number, body: string) => void
  /** A response header whose values are tallied (`X-Cache`). */
  tally?: string
}

export interface LoadResult {
  /** Responses with status < 400 per second of load. */
  rate: number
  succeeded: number
  seconds: number
  /** Latency of every response, ms, measured by autocannon with hrtime (not its 1 ms histogram). */
  p50: number
  p99: number
  /** Every latency, sorted (left out of results.json). */
  latencies: number[]
  statuses: Record<string, number>
  tallied: Record<string, number>
  /** Connection errors and timeouts. */
  errors: number
  serverErrors: number
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!

const headerValue = (headers: Record<string, unknown>, name: string) =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1]

const NOTHING: LoadResult = {
  rate: 0,
  succeeded: 0,
  seconds: 0,
  p50: NaN,
  p99: NaN,
  latencies: [],
  statuses: {},
  tallied: {},
  errors: 0,
  serverErrors: 0,
}

/** Drives one route with autocannon on one thread, its connections kept open (keep-alive). */
export async function load(spec: LoadSpec): Promise<LoadResult> {
  // autocannon reads a limit of 0 as "no limit"; a pool of 0 must send nothing.
  if (spec.max !== undefined && spec.max < 1) return NOTHING
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  const tallied: Record<string, number> = {}
  let errors = 0
  let succeeded = 0
  let last = 0
  const next = typeof spec.shot === 'function' ? spec.shot : null
  const fixed = typeof spec.shot === 'function' ? null : spec.shot
  const request: autocannon.Request = {
    ...(fixed ?? { method: 'GET' }),
    ...(next && {
      setupRequest: (req: autocannon.Request) => {
        const shot = next()
        return { ...req, ...shot, headers: { ...req.headers, ...shot.headers } }
      },
    }),
    onResponse: (status, body, _context, headers) => {
      spec.onBody?.(status, body)
      const value = spec.tally && headers ? headerValue(headers, spec.tally) : undefined
      if (value !== undefined) tallied[String(value)] = (tallied[String(value)] ?? 0) + 1
    },
  }
  const connections = Math.max(1, Math.min(spec.connections, spec.max ?? Infinity))
  const started = performance.now()
  await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.origin,
        connections,
        duration: spec.seconds,
        ...(spec.max !== undefined && { maxOverallRequests: spec.max }),
        timeout: spec.timeoutSeconds ?? 60,
        sampleInt: 100, // checks "done" every 100 ms instead of every second
        requests: [request],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    )
    instance.on('response', (_client, status, _bytes, ms) => {
      statuses[status] = (statuses[status] ?? 0) + 1
      latencies.push(ms)
      if (status < 400) succeeded++
      last = performance.now()
    })
    instance.on('reqError', () => errors++)
  })
  const seconds = ((last || performance.now()) - started) / 1000
  latencies.sort((a, b) => a - b)
  const serverErrors = Object.entries(statuses)
    .filter(([status]) => Number(status) >= 500)
    .reduce((sum, [, n]) => sum + n, 0)
  return loadResult({ succeeded, seconds, latencies, statuses, tallied, errors, serverErrors })
}

/** A result from its counts and its latencies, sorted: the rate and percentiles follow. */
export const loadResult = (counts: Omit<LoadResult, 'rate' | 'p50' | 'p99'>): LoadResult => ({
  ...counts,
  rate: counts.succeeded / counts.seconds,
  p50: percentile(counts.latencies, 0.5),
  p99: percentile(counts.latencies, 0.99),
})
