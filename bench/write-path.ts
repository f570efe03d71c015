import type { Bundles } from './build'
import { archiveText, createCorpus, jsonArticle } from './corpus'
import type { Shot } from './load'
import type { BenchOptions } from './options'
import { prepareArticle } from './prepared-article'
import { missing, routeExists } from './routes'
import { TOKEN, withWorker } from './worker'
import {
  bulkCreated,
  createdOne,
  pool,
  storedCount,
  writeRun,
  type Ack,
  type WriteMeasured,
} from './write-run'

export type { WriteMeasured } from './write-run'

export interface WritePath {
  upload: WriteMeasured
  bulk: WriteMeasured
  floorSingle: WriteMeasured
  floorBulk: WriteMeasured
}

const auth = { Authorization: `Bearer ${TOKEN}` }

/**
 * On one fresh worker, each route right before its floor, so both see the same database and the
 * same moment of the machine: single uploads, then the storage floor (the same kind of rows, one
 * db.batch() per article, nothing else) at 1 article per request; bulk, then the floor at k.
 */
export async function measureWritePath(
  root: string,
  bundles: Bundles,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<WritePath> {
  const k = options.bulkPerRequest
  // Generous pools: a run stops early (and says so) rather than repeat an article.
  const singles = options.smoke ? 400 : 3_000
  const batches = options.smoke ? 40 : 120
  return withWorker(root, bundles, async (worker) => {
    const run = (
      origin: string,
      requests: number,
      perRequest: number,
      shot: () => Shot,
      ack: Ack,
    ) => writeRun(worker, options, origin, requests, perRequest, shot, ack)
    const floor = (seed: number, format: 'text' | 'json', perRequest: number, requests: number) => {
      const corpus = createCorpus(seed)
      const encode = format === 'text' ? archiveText : jsonArticle
      const item = () => JSON.stringify(prepareArticle(format, encode(corpus.next())))
      const body = pool(requests, () => Array.from({ length: perRequest }, item).join('\n'))
      const shot = (): Shot => ({ path: '/__bench/floor', method: 'POST', body: body() })
      return run(worker.benchOrigin, requests, perRequest, shot, storedCount)
    }

    log('write path: single uploads, then the D1 floor at 1 article per request …')
    const texts = createCorpus(2)
    const text = pool(singles, () => archiveText(texts.next()))
    const textHeaders = { ...auth, 'Content-Type': 'text/plain; charset=utf-8' }
    const single = (): Shot => ({
      path: '/api/articles',
      method: 'POST',
      headers: textHeaders,
      body: text(),
    })
    const upload = await run(worker.origin, singles, 1, single, createdOne)
    const floorSingle = await floor(4, 'text', 1, options.smoke ? 800 : 4_000)

    log(`write path: bulk NDJSON, then the D1 floor at ${k} articles per request …`)
    const jsons = createCorpus(3)
    const lines = () => Array.from({ length: k }, () => jsonArticle(jsons.next())).join('\n')
    const headers = { ...auth, 'Content-Type': 'application/x-ndjson' }
    const probe = { path: '/api/articles/bulk', method: 'POST' as const, headers, body: lines() }
    const exists = await routeExists(worker.origin, probe)
    const ndjson = pool(exists === true ? batches : 0, lines)
    const shot = (): Shot => ({
      path: '/api/articles/bulk',
      method: 'POST',
      headers,
      body: ndjson(),
    })
    const bulk =
      exists === true ? await run(worker.origin, batches, k, shot, bulkCreated(k)) : missing(exists)
    const floorBulk = await floor(5, 'json', k, batches)
    return { upload, floorSingle, bulk, floorBulk }
  })
}
