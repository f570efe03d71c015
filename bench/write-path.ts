import type { Bundles } from './build'
import { archiveText, createCorpus, jsonArticle } from './corpus'
import type { Shot } from './load'
import type { BenchOptions } from './options'
import { prepareArticle } from './prepared-article'
import { missing, routeExists } from './routes'
import { TOKEN, withWorker } from './worker'
import {
  alternate,
  bulkCreated,
  createdOne,
  pool,
  storedCount,
  type WriteMeasured,
  type WriteRoute,
} from './write-run'

export type { WriteMeasured } from './write-run'

export interface WritePath {
  /** Single uploads 1 at a time and 8 at once, each beside the floor at the same concurrency. */
  upload: WriteMeasured
  uploadEight: WriteMeasured
  floorEight: WriteMeasured
  bulk: WriteMeasured
  floorSingle: WriteMeasured
  floorBulk: WriteMeasured
}

const auth = { Authorization: `Bearer ${TOKEN}` }

/**
 * On one fresh worker, each route beside its floor, in turn (A B A B in the full run), so both see
 * the same database and the same moments of the machine: single uploads and the storage floor
 * (the same kind of rows, one db.batch() per article, nothing else) at 1 article per request;
 * then bulk and the floor at k.
 */
export async function measureWritePath(
  root: string,
  bundles: Bundles,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<WritePath> {
  const k = options.bulkPerRequest
  const rounds = options.smoke ? 1 : 2
  // Generous pools: a run stops early (and says so) rather than repeat an article.
  const singles = options.smoke ? 400 : 3_000
  const batches = options.smoke ? 40 : 100
  return withWorker(root, bundles, async (worker) => {
    const floor = (
      seed: number,
      format: 'text' | 'json',
      perRequest: number,
      connections?: number,
    ): WriteRoute => {
      const corpus = createCorpus(seed)
      const encode = format === 'text' ? archiveText : jsonArticle
      const item = () => JSON.stringify(prepareArticle(format, encode(corpus.next())))
      const body = () => Array.from({ length: perRequest }, item).join('\n')
      const size = perRequest > 1 ? batches : singles
      const requests = pool(size, (): Shot => ({
        path: '/__bench/floor',
        method: 'POST',
        body: body(),
      }))
      return {
        origin: worker.benchOrigin,
        perRequest,
        requests,
        acknowledged: storedCount,
        connections,
      }
    }

    log('write path: single uploads and the D1 floor, 1 at a time and 8 at once, in turn …')
    const texts = createCorpus(2)
    const textHeaders = { ...auth, 'Content-Type': 'text/plain; charset=utf-8' }
    const single = (): Shot => ({
      path: '/api/articles',
      method: 'POST',
      headers: textHeaders,
      body: archiveText(texts.next()),
    })
    const upload = (connections: number): WriteRoute => ({
      origin: worker.origin,
      perRequest: 1,
      requests: pool(singles, single),
      acknowledged: createdOne,
      connections,
    })
    const [uploadResult, floorSingle, uploadEight, floorEight] = await alternate(
      worker,
      options,
      [upload(1), floor(4, 'text', 1, 1), upload(8), floor(6, 'text', 1, 8)],
      rounds,
    )
    const singlesMeasured = {
      upload: uploadResult!,
      floorSingle: floorSingle!,
      uploadEight: uploadEight!,
      floorEight: floorEight!,
    }

    log(`write path: bulk NDJSON and the D1 floor at ${k} articles per request, in turn …`)
    const jsons = createCorpus(3)
    const lines = () => Array.from({ length: k }, () => jsonArticle(jsons.next())).join('\n')
    const headers = { ...auth, 'Content-Type': 'application/x-ndjson' }
    const bulkShot = (): Shot => ({
      path: '/api/articles/bulk',
      method: 'POST',
      headers,
      body: lines(),
    })
    const exists = await routeExists(worker.origin, bulkShot())
    if (exists !== true) {
      const [floorBulk] = await alternate(worker, options, [floor(5, 'json', k)], rounds)
      return {
        ...singlesMeasured,
        bulk: missing(exists),
        floorBulk: floorBulk!,
      }
    }
    const bulk = {
      origin: worker.origin,
      perRequest: k,
      requests: pool(batches, bulkShot),
      acknowledged: bulkCreated(k),
    }
    const [bulkResult, floorBulk] = await alternate(
      worker,
      options,
      [bulk, floor(5, 'json', k)],
      rounds,
    )
    return {
      ...singlesMeasured,
      bulk: bulkResult!,
      floorBulk: floorBulk!,
    }
  })
}
