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
  cachedPage: Measured
  uncachedPage: Measured
  listing: Measured
  search: Measured
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
  const corpus = createCorpus(1)
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
    stages.push({
      articles,
      load: stats,
      cachedPage: await measure(worker, options, { path: page }, run),
      uncachedPage: await measureUncached(worker, options, unread, run),
      listing: await measure(worker, options, { path: '/api/articles?limit=20' }, run),
      search: await measureSearch(worker, options, run),
    })
    if (articles === options.readAt) {
      log(`read path at ${articles.toLocaleString('en-US')} articles …`)
      read = await measureReadPath(worker, options, seedSlug, unread)
    }
  }
  if (!read) throw new Error(`readAt ${options.readAt} is not one of the stages`)
  return { stages, read }
}
