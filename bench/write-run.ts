import { load, percentile, type Shot } from './load'
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
  /** Rows the runs added to `articles`, and the seconds between the counts. */
  stored?: number
  elapsed?: number
  /** A run used up its pool of distinct requests before its time was up. */
  exhausted?: boolean
  rounds?: number
}

/** Distinct requests made before the clock starts, so the load generator only sends them. */
export interface Pool<T> {
  next(): T
  readonly remaining: number
}

export function pool<T>(size: number, make: () => T): Pool<T> {
  const items = Array.from({ length: size }, make)
  let index = 0
  return {
    next: () => items[index++]!,
    get remaining() {
      return items.length - index
    },
  }
}

export type Ack = (status: number, body: string) => number

export interface WriteRoute {
  origin: string
  perRequest: number
  requests: Pool<Shot>
  acknowledged: Ack
  /** Requests in flight at once; by default the bench's connections (bulk: bulkConnections). */
  connections?: number
  /** Run before each of the route's runs: what it needs of the worker's state. */
  before?: () => Promise<void>
}

async function writeRun(
  worker: RunningWorker,
  options: BenchOptions,
  route: WriteRoute,
  warm: boolean,
): Promise<WriteMeasured> {
  let articles = 0
  const onBody = (status: number, body: string) =>
    void (articles += route.acknowledged(status, body))
  // Bulk requests hold many articles each: a few at a time, as a bulk client sends them.
  const connections =
    route.connections ?? (route.perRequest > 1 ? options.bulkConnections : options.connections)
  const spec = { origin: route.origin, connections, timeoutSeconds: 120, shot: route.requests.next }
  // One or two requests per connection, all answered before the clock starts: JIT warm.
  const warmRequests = route.perRequest > 1 ? connections : 2 * connections
  await route.before?.()
  if (warm) await load({ ...spec, seconds: 120, max: warmRequests })
  const started = performance.now()
  const before = await worker.count('articles')
  const max = route.requests.remaining
  const result = await load({ ...spec, seconds: options.seconds, max, onBody })
  const stored = (await worker.count('articles')) - before
  const elapsed = (performance.now() - started) / 1000
  await worker.settle()
  const answered = Object.values(result.statuses).reduce((a, b) => a + b, 0) + result.errors
  return {
    ok: true,
    ...result,
    articlesPerSecond: stored / elapsed,
    acknowledged: articles,
    stored,
    elapsed,
    exhausted: answered >= max,
  }
}

function combine(runs: WriteMeasured[]): WriteMeasured {
  const failed = runs.find((r) => !r.ok)
  if (failed) return failed
  const ok = runs.filter((r): r is WriteMeasured & { ok: true } => r.ok)
  const sum = (f: (r: (typeof ok)[number]) => number) => ok.reduce((s, r) => s + f(r), 0)
  const tally = (f: (r: (typeof ok)[number]) => Record<string, number>) =>
    ok.reduce<Record<string, number>>((all, r) => {
      for (const [k, n] of Object.entries(f(r))) all[k] = (all[k] ?? 0) + n
      return all
    }, {})
  const latencies = ok.flatMap((r) => r.latencies).sort((a, b) => a - b)
  return {
    ok: true,
    rate: sum((r) => r.succeeded) / sum((r) => r.seconds),
    succeeded: sum((r) => r.succeeded),
    seconds: sum((r) => r.seconds),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    latencies,
    statuses: tally((r) => r.statuses),
    tallied: tally((r) => r.tallied),
    errors: sum((r) => r.errors),
    serverErrors: sum((r) => r.serverErrors),
    articlesPerSecond: sum((r) => r.stored ?? 0) / sum((r) => r.elapsed ?? 0),
    acknowledged: sum((r) => r.acknowledged ?? 0),
    stored: sum((r) => r.stored ?? 0),
    elapsed: sum((r) => r.elapsed ?? 0),
    exhausted: ok.some((r) => r.exhausted),
    rounds: runs.length,
  }
}

/**
 * Routes measured in turn, `rounds` times over (A B A B): whatever else the machine does hits
 * each alike. Each route's runs are combined: rows over seconds, all latencies together.
 */
export async function alternate(
  worker: RunningWorker,
  options: BenchOptions,
  routes: WriteRoute[],
  rounds: number,
): Promise<WriteMeasured[]> {
  const runs = routes.map((): WriteMeasured[] => [])
  for (let round = 0; round < rounds; round++) {
    for (const [i, route] of routes.entries()) {
      runs[i]!.push(await writeRun(worker, options, route, round === 0))
    }
  }
  return runs.map(combine)
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
