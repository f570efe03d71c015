import { createWriteStream, mkdtempSync, openAsBlob, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import type { Bundles } from './build'
import { createCorpus, jsonArticle } from './corpus'
import { send } from './http'
import type { BenchOptions } from './options'
import { prepareArticle } from './prepared-article'
import { workerdPeakRss } from './workerd-memory'
import { mb } from './table'
import { TOKEN, withWorker, type RunningWorker } from './worker'

export interface ImportMeasured {
  articles: number
  ok: boolean
  reason?: string
  /** The archive's size, and seconds from the POST to the job's end. */
  bytes?: number
  seconds?: number
  articlesPerSecond?: number
  created?: number
  failed?: number
  /** The grouped D1 floor on the same worker, before the import: articles/s. */
  floorPerSecond?: number
  /** workerd's peak resident memory over the worker's life (the D1, KV and R2 simulators too). */
  peakRssBytes?: number | null
  /** The D1 database file per stored article, and the original bytes per article kept in R2. */
  d1BytesPerArticle?: number
  originalBytesPerArticle?: number
}

const auth = { Authorization: `Bearer ${TOKEN}` }
/** The grouped floor's sample: enough groups for a steady rate, few enough to stay short. */
const FLOOR_ARTICLES = 2_000

/**
 * Import jobs of generated articles, each on a fresh worker with D1, KV and R2 on disk (so the
 * database's size is its file's and memory is the process's own): the grouped D1 floor first,
 * then one NDJSON archive streamed to POST /api/imports and followed to its end.
 */
export async function measureImports(
  root: string,
  bundles: Bundles,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<ImportMeasured[]> {
  const results: ImportMeasured[] = []
  for (const articles of options.importSizes) {
    const dir = mkdtempSync(join(tmpdir(), 'edge-articles-import-'))
    try {
      const archive = join(dir, 'archive.ndjson')
      const bytes = await writeArchive(archive, articles)
      const persistTo = join(dir, 'state')
      const vars = { MAX_IMPORT_BYTES: String(2 ** 31), MAX_IMPORT_ITEMS: String(10 ** 7) }
      log(`import: ${articles.toLocaleString('en-US')} articles (${mb(bytes)}) through a job …`)
      results.push(
        await withWorker(
          root,
          bundles,
          (worker) => measureImport(worker, archive, articles, bytes, persistTo, options),
          { persistTo, vars },
        ),
      )
    } catch (error) {
      results.push({ articles, ok: false, reason: (error as Error).message })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return results
}

async function measureImport(
  worker: RunningWorker,
  archive: string,
  articles: number,
  bytes: number,
  persistTo: string,
  options: BenchOptions,
): Promise<ImportMeasured> {
  const floorPerSecond = await groupedFloor(worker, options.smoke ? 200 : FLOOR_ARTICLES)
  const before = await worker.count('articles')
  const started = performance.now()
  const posted = await fetch(`${worker.origin}/api/imports`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/x-ndjson' },
    body: await openAsBlob(archive),
  })
  const job = (await posted.json()) as { id?: string; error?: { message: string } }
  if (posted.status !== 202 || !job.id) {
    return { articles, ok: false, reason: `POST answered ${posted.status}: ${job.error?.message}` }
  }
  let ended: { status: string; created: number; failed: number; finishedAt: string | null }
  for (;;) {
    const res = await send(`${worker.origin}/api/imports/${job.id}`, { headers: auth })
    ended = JSON.parse(res.text)
    if (ended.finishedAt) break
    await new Promise((r) => setTimeout(r, 250))
  }
  const seconds = (performance.now() - started) / 1000
  const stored = (await worker.count('articles')) - before
  const [sum] = await worker.all<{ n: number }>(
    `SELECT coalesce(sum(byte_length), 0) AS n FROM sources`,
  )
  const originalBytes = sum?.n ?? 0
  return {
    articles,
    ok: ended.status === 'done',
    ...(ended.status === 'done' ? {} : { reason: `the job ended ${ended.status}` }),
    bytes,
    seconds,
    articlesPerSecond: ended.created / seconds,
    created: ended.created,
    failed: ended.failed,
    floorPerSecond,
    peakRssBytes: workerdPeakRss(),
    d1BytesPerArticle: d1FileBytes(persistTo) / (before + stored),
    originalBytesPerArticle: originalBytes / (before + stored),
  }
}

/** Articles/s of pre-normalized articles stored 25 to a batch, as the import stores them. */
async function groupedFloor(worker: RunningWorker, count: number): Promise<number> {
  const corpus = createCorpus(11)
  const lines = Array.from({ length: count }, () =>
    JSON.stringify(prepareArticle('json', jsonArticle(corpus.next()))),
  )
  const perRequest = 250
  const started = performance.now()
  for (let i = 0; i < lines.length; i += perRequest) {
    const res = await send(`${worker.benchOrigin}/__bench/floor-group?size=25`, {
      method: 'POST',
      body: lines.slice(i, i + perRequest).join('\n'),
    })
    if (res.status !== 200) throw new Error(`grouped floor answered ${res.status}: ${res.text}`)
  }
  return count / ((performance.now() - started) / 1000)
}

/** `count` generated articles as NDJSON, written as they are made (100,000 are ~250 MB). */
async function writeArchive(path: string, count: number): Promise<number> {
  const corpus = createCorpus(7)
  const out = createWriteStream(path)
  for (let i = 0; i < count; i++) {
    if (!out.write(`${jsonArticle(corpus.next())}\n`)) {
      await new Promise<void>((r) => out.once('drain', () => r()))
    }
  }
  out.end()
  await finished(out)
  return statSync(path).size
}

/** The SQLite files Miniflare keeps the D1 database in (its write-ahead log included). */
function d1FileBytes(persistTo: string): number {
  const dir = join(persistTo, 'd1')
  let total = 0
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.sqlite(-wal)?$/.test(entry.name)) total += statSync(path).size
    }
  }
  walk(dir)
  return total
}
