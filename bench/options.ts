/** How big a run is: the full bench, or `--smoke`, the same code path at a tiny scale for CI. */
export interface BenchOptions {
  smoke: boolean
  /** autocannon connections: enough to saturate workerd, few enough to leave it a core. */
  connections: number
  /** Seconds of load per read and write route. */
  seconds: number
  /** Stored-article counts the growth section measures at, in order (same database, grown). */
  stages: number[]
  /** The stage at which the read path runs. */
  readAt: number
  /** Each growth read: at most this many seconds and requests, on this many connections. */
  growthSeconds: number
  growthRequests: number
  growthConnections: number
  /** Articles per bulk (and bulk-floor) request, and connections sending them. */
  bulkPerRequest: number
  bulkConnections: number
  /** Articles the loader sends to D1 per db.batch(). */
  loadChunk: number
  /** tinybench time budget per task, ms. */
  cpuMs: number
  searchQuery: string
  /** A word inside CJK text, which only the CJK index finds. */
  searchQueryCjk: string
  /** Articles per import job, each on a fresh worker. */
  importSizes: number[]
}

const FULL: BenchOptions = {
  smoke: false,
  connections: 16,
  seconds: 5,
  stages: [1_000, 10_000, 100_000],
  readAt: 10_000,
  growthSeconds: 6,
  growthRequests: 400,
  growthConnections: 2,
  bulkPerRequest: 50,
  bulkConnections: 2,
  loadChunk: 250,
  cpuMs: 1_500,
  searchQuery: 'haqqani',
  searchQueryCjk: '終電',
  importSizes: [10_000, 100_000],
}

const SMOKE: BenchOptions = {
  ...FULL,
  smoke: true,
  connections: 8,
  seconds: 1,
  stages: [100],
  readAt: 100,
  growthSeconds: 1,
  growthRequests: 20,
  bulkPerRequest: 10,
  loadChunk: 50,
  cpuMs: 150,
  importSizes: [300],
}

export function benchOptions(argv: readonly string[]): BenchOptions {
  const unknown = argv.filter((arg) => arg !== '--smoke')
  if (unknown.length > 0) throw new Error(`unknown argument(s): ${unknown.join(' ')}`)
  return argv.includes('--smoke') ? SMOKE : FULL
}
