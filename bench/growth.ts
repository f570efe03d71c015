import { createCorpus } from './corpus'
import { loadArticles, UnreadPages, type LoadStats } from './direct-load'
import type { BenchOptions } from './options'
import { measureReadPath, measureSearch, measureUncached, type ReadPath } from './read-path'
import { measure, warmPage, type Measured } from './routes'
import { uploadSeed } from './seed'
import type { RunningWorker } from './worker'

export interface GrowthStage {
  articles: number
  load: LoadStats
  /**
   * One indexed D1 read whose cost does not depend on N, before and after the stage's reads: how
   * fast the (shared) machine was just then. Growth is judged in these units.
   */
  reference: [Measured, Measured]
  cachedPage: Measured
  uncachedPage: Measured
  listing: Measured
  search: Measured
  searchCjk: Measured
  /** What the two search indexes hold at this stage (see indexBytes). */
  searchIndexes: SearchIndexes
}

export interface SearchIndexes {
  /** Payload bytes of the word index and of the CJK index; articles each one holds. */
  words: number
  cjk: number
  wordArticles: number
  cjkArticles: number
}

/** One in this many growth articles has CJK text. */
const CJK_EVERY = 10

/** `scopeEpoch` of a scope that does not exist: one primary-key lookup in D1. */
const REFERENCE_PATH = '/__bench/epoch?scope=bench:reference'

/** The reference's p50 at a stage, ms (NaN when it was not measured). */
export function referenceP50(stage: GrowthStage): number {
  const p50s = stage.reference.flatMap((m) => (m.ok && m.succeeded > 0 ? [m.p50] : []))
  return p50s.length ? p50s.reduce((a, b) => a + b, 0) / p50s.length : NaN
}

/**
 * Grows one database through every stage (1k → 10k → 100k), measuring the reads at each; the full
 * read path runs at `options.readAt`. The seed goes in through the API, as users send it.
 */
export async function measureGrowth(
  worker: RunningWorker,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<{ stages: GrowthStage[]; read: ReadPath }> {
  const seedSlug = await uploadSeed(worker)
  const corpus = createCorpus(1, { cjkEvery: CJK_EVERY })
  const unread = new UnreadPages()
  const stages: GrowthStage[] = []
  let read: ReadPath | undefined
  for (const articles of options.stages) {
    const missingRows = articles - (await worker.count('articles'))
    log(`loading ${missingRows.toLocaleString('en-US')} articles into D1 …`)
    const stats = await loadArticles(worker, corpus, missingRows, options.loadChunk, unread.add)
    log(
      `  ${stats.seconds.toFixed(1)} s (${Math.round(stats.articles / stats.seconds)} articles/s)`,
    )
    // Latency, not throughput: two connections, so queueing does not hide the service time.
    const run = {
      seconds: options.growthSeconds,
      connections: options.growthConnections,
      max: options.growthRequests,
    }
    const page = `/articles/${seedSlug}`
    await warmPage(worker.origin, page)
    const reference = () =>
      measure(worker, options, { path: REFERENCE_PATH }, { ...run, origin: worker.benchOrigin })
    const before = await reference()
    const cachedPage = await measure(worker, options, { path: page }, run)
    const uncachedPage = await measureUncached(worker, options, unread, run)
    const listing = await measure(worker, options, { path: '/api/articles?limit=20' }, run)
    const search = await measureSearch(worker, options, run)
    const searchCjk = await measureSearch(worker, options, run, options.searchQueryCjk)
    const reads = { cachedPage, uncachedPage, listing, search, searchCjk }
    stages.push({
      articles,
      load: stats,
      reference: [before, await reference()],
      ...reads,
      searchIndexes: await searchIndexes(worker),
    })
    if (articles === options.readAt) {
      log(`read path at ${articles.toLocaleString('en-US')} articles …`)
      read = await measureReadPath(worker, options, seedSlug, unread)
    }
  }
  if (!read) throw new Error(`readAt ${options.readAt} is not one of the stages`)
  return { stages, read }
}

/**
 * The bytes each search index holds: its FTS5 shadow tables' payload (text as UTF-8, integers as
 * 8 bytes), without SQLite's page overhead (D1 refuses PRAGMA page_count; workerd has no dbstat).
 */
async function searchIndexes(worker: RunningWorker): Promise<SearchIndexes> {
  const payload = async (index: string) => {
    const [row] = await worker.all<{ n: number; docs: number }>(
      `SELECT (SELECT coalesce(sum(length(block)), 0) + 8 * count(*) FROM ${index}_data)
            + (SELECT coalesce(sum(length(CAST(c0 AS BLOB)) + length(CAST(c1 AS BLOB))
                 + length(CAST(c2 AS BLOB)) + length(CAST(c3 AS BLOB))
                 + length(CAST(c4 AS BLOB))), 0) + 8 * count(*) FROM ${index}_content)
            + (SELECT coalesce(sum(length(sz)), 0) + 8 * count(*) FROM ${index}_docsize)
            + (SELECT coalesce(sum(length(term)), 0) + 16 * count(*) FROM ${index}_idx) AS n,
              (SELECT count(*) FROM ${index}_docsize) AS docs`,
    )
    return { bytes: row?.n ?? 0, docs: row?.docs ?? 0 }
  }
  const words = await payload('article_search')
  const cjk = await payload('article_search_cjk')
  return { words: words.bytes, cjk: cjk.bytes, wordArticles: words.docs, cjkArticles: cjk.docs }
}
