import { resolve } from 'node:path'
import { Miniflare, type WorkerOptions } from 'miniflare'
import type { Bundle, Bundles } from './build'
import type { BytesParam } from './floor-worker'
import type { RawStatement } from './merge-inserts'
import { send } from './http'
import { migrationStatements } from './migrations'

export const TOKEN = 'bench-token'

export interface RunningWorker {
  /** `http://127.0.0.1:<free port>`: a socket of the app worker itself, nothing in between. */
  origin: string
  /** The bench worker's own socket (bench-only routes, same D1 and KV). */
  benchOrigin: string
  /** The rows of a query, through the bench worker. */
  all<T>(sql: string): Promise<T[]>
  count(table: string): Promise<number>
  /** Waits until D1 answers a trivial query at once: work of abandoned requests has drained. */
  settle(): Promise<void>
  /** Runs statements in one `db.batch()` inside workerd, through the bench worker. */
  runStatements(statements: RawStatement[]): Promise<void>
  dispose(): Promise<void>
}

const encodeParam = (value: unknown): unknown =>
  value instanceof Uint8Array
    ? ({ $bytes: Buffer.from(value).toString('base64') } satisfies BytesParam)
    : value

export interface WorkerSetup {
  /** A folder for D1, KV and R2 on disk (an import's size is then the database file's); else memory. */
  persistTo?: string
  /** More vars for the app (a larger MAX_IMPORT_BYTES, say). */
  vars?: Record<string, string>
}

/** The queues and consumer settings of wrangler.toml, under the bench's names. */
const IMPORTS_QUEUE = 'bench-imports'
const DEAD_LETTERS = `${IMPORTS_QUEUE}-dlq`
const WEBHOOKS_QUEUE = 'bench-webhooks'

/**
 * Starts workerd through Miniflare on the wrangler-built app bundle, with its own D1, KV, R2 and
 * import queue, and applies `drizzle/*.sql`. Beside the app, the bench worker
 * (bench/floor-worker.ts) runs on the same D1 database, KV namespace and bucket, on a socket of
 * its own; only the app consumes the queue.
 */
export async function startWorker(
  root: string,
  bundles: Bundles,
  setup: WorkerSetup = {},
): Promise<RunningWorker> {
  const worker = (name: string, bundle: Bundle): WorkerOptions => ({
    name,
    modules: true,
    scriptPath: bundle.scriptPath,
    modulesRoot: bundle.modulesRoot,
    compatibilityDate: bundles.compatibilityDate,
    compatibilityFlags: bundles.compatibilityFlags,
    d1Databases: { DB: 'bench-db' },
    kvNamespaces: { PAGES: 'bench-pages' },
    r2Buckets: { ORIGINALS: 'bench-originals' },
    queueProducers: { IMPORTS: IMPORTS_QUEUE, WEBHOOKS: WEBHOOKS_QUEUE },
    bindings: {
      INGEST_TOKEN: TOKEN,
      MAX_UPLOAD_BYTES: '1048576',
      SITE_NAME: 'Edge Articles',
      // The write path's webhook endpoint is a receiver in this process, on 127.0.0.1.
      WEBHOOK_ALLOW_LOCAL: 'true',
      ...setup.vars,
    },
    // Miniflare's main port passes every request through its own router worker first (about
    // 2.5× slower for a constant route here); a direct socket reaches the worker as production does.
    unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }],
  })
  const app: WorkerOptions = {
    ...worker('app', bundles.app),
    queueConsumers: {
      [IMPORTS_QUEUE]: {
        maxBatchSize: 4,
        maxBatchTimeout: 1,
        maxRetries: 5,
        deadLetterQueue: DEAD_LETTERS,
      },
      [DEAD_LETTERS]: { maxBatchTimeout: 1 },
      [WEBHOOKS_QUEUE]: {
        maxBatchSize: 10,
        maxBatchTimeout: 1,
        maxRetries: 8,
        deadLetterQueue: `${WEBHOOKS_QUEUE}-dlq`,
      },
      [`${WEBHOOKS_QUEUE}-dlq`]: { maxBatchTimeout: 1 },
    },
  }
  const mf = new Miniflare({
    workers: [app, worker('bench', bundles.floor)],
    ...(setup.persistTo ? { defaultPersistRoot: setup.persistTo } : {}),
    cf: false,
    host: '127.0.0.1',
    port: 0,
  })
  try {
    await mf.ready
    const origin = (await mf.unsafeGetDirectURL('app')).origin
    const benchOrigin = (await mf.unsafeGetDirectURL('bench')).origin
    // Through Miniflare's D1 proxy once, at the start; it costs ~10 ms a call and, after a while
    // under load, can lose its connection, so everything later goes through the bench worker.
    const db = await mf.getD1Database('DB', 'app')
    await db.batch(migrationStatements(resolve(root, 'drizzle')).map((sql) => db.prepare(sql)))
    const health = await send(`${origin}/healthz`)
    if (health.status !== 200) throw new Error(`GET /healthz answered ${health.status}`)
    const post = async (path: string, body: unknown) => {
      const res = await send(`${benchOrigin}${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
      })
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`)
      return JSON.parse(res.text) as unknown
    }
    const all = <T>(sql: string) => post('/__bench/query', { sql }) as Promise<T[]>
    return {
      origin,
      benchOrigin,
      all,
      async settle() {
        for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
          const started = performance.now()
          await all('SELECT 1')
          if (performance.now() - started < 50) return
        }
      },
      count: async (table) =>
        (await all<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n,
      async runStatements(statements) {
        await post('/__bench/statements', {
          statements: statements.map((s) => ({ sql: s.sql, params: s.params.map(encodeParam) })),
        })
      },
      dispose: () => mf.dispose(),
    }
  } catch (error) {
    await mf.dispose().catch(() => {})
    throw error
  }
}

/** A fresh worker (empty D1 and KV) for the length of `use`. */
export async function withWorker<T>(
  root: string,
  bundles: Bundles,
  use: (worker: RunningWorker) => Promise<T>,
  setup?: WorkerSetup,
): Promise<T> {
  const worker = await startWorker(root, bundles, setup)
  try {
    return await use(worker)
  } finally {
    await worker.dispose()
  }
}
