import { load, type LoadResult, type Shot } from './load'
import type { BenchOptions } from './options'
import type { Measured } from './routes'
import type { RunningWorker } from './worker'

/**
 * A write route: articles per second as rows added to D1 between two counts around the run (a
 * bulk request can outlast the run), plus what the responses acknowledged, as a check.
 */
export type WriteMeasured = Measured & {
  articlesPerSecond?: number
  /** Articles the responses said were stored. */
  acknowledged?: number
  /** Rows the run added to `articles`. */
  stored?: number
  /** The run used up its pool of distinct requests before its time was up. */
  exhausted?: boolean
}

/** Distinct requests made before the clock starts, so the load generator only sends them. */
export function pool<T>(size: number, make: (i: number) => T): () => T {
  const items = Array.from({ length: size }, (_, i) => make(i))
  let next = 0
  return () => items[next++]!
}

export type Ack = (status: number, body: string) => number

export async function writeRun(
  worker: RunningWorker,
  options: BenchOptions,
  origin: string,
  requests: number,
  perRequest: number,
  shot: () => Shot,
  acknowledged: Ack,
): Promise<WriteMeasured> {
  let articles = 0
  const onBody = (status: number, body: string) => void (articles += acknowledged(status, body))
  // Bulk requests hold many articles each: a few at a time, as a bulk client sends them.
  const connections = perRequest > 1 ? options.bulkConnections : options.connections
  const spec = { origin, connections, timeoutSeconds: 120 }
  // A few requests, all answered before the clock starts: JIT warm, nothing left in flight.
  const warm = Math.min(requests / 4, perRequest > 1 ? 2 * connections : 2 * options.connections)
  await load({ ...spec, shot, seconds: 120, max: warm })
  const started = performance.now()
  const before = await worker.count('articles')
  articles = 0
  const max = requests - warm
  const result: LoadResult = await load({ ...spec, shot, seconds: options.seconds, max, onBody })
  const stored = (await worker.count('articles')) - before
  const seconds = (performance.now() - started) / 1000
  const answered = Object.values(result.statuses).reduce((a, b) => a + b, 0) + result.errors
  return {
    ok: true,
    ...result,
    articlesPerSecond: stored / seconds,
    acknowledged: articles,
    stored,
    exhausted: answered >= max,
  }
}

export const createdOne = (status: number) => (status === 201 ? 1 : 0)
export const storedCount = (status: number, body: string) =>
  status === 200 ? (JSON.parse(body) as { stored: number }).stored : 0
/** The bulk route's per-item summary; if it has none, every item of a 2xx counts. */
export const bulkCreated = (perRequest: number) => (status: number, body: string) => {
  if (status >= 300) return 0
  const summary = (JSON.parse(body) as { summary?: { created?: number } }).summary
  return summary?.created ?? perRequest
}
