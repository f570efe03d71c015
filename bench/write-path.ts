import type { Bundles } from './build'
import { archiveText, createCorpus, jsonArticle } from './corpus'
import type { Shot } from './load'
import type { BenchOptions } from './options'
import { prepareArticle } from './prepared-article'
import { missing, routeExists } from './routes'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { EVENT_TYPES } from '../src/model/webhooks'
import { send } from './http'
import { TOKEN, withWorker, type RunningWorker } from './worker'
import {
  alternate,
  bulkCreated,
  createdOne,
  pool,
  storedCount,
  type Pool,
  type WriteMeasured,
  type WriteRoute,
} from './write-run'

export type { WriteMeasured } from './write-run'

export interface WritePath {
  /**
   * Single uploads 1 at a time with an API key and a webhook endpoint subscribed to every event
   * (deliveries to a receiver in this process), beside the same without either (the token, and
   * no outbox triggers): what keys and webhooks cost a write.
   */
  uploadIntegrated?: WriteMeasured
  uploadBare?: WriteMeasured
  webhooksDelivered?: number
  /** Single uploads 1 at a time and 8 at once, each beside the floor at the same concurrency. */
  upload: WriteMeasured
  /** The storage operations of those uploads alone (read, R2 put, batch), 1 at a time. */
  uploadFloor: WriteMeasured
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
      path = '/__bench/floor',
    ): WriteRoute => {
      const corpus = createCorpus(seed)
      const encode = format === 'text' ? archiveText : jsonArticle
      const item = () => JSON.stringify(prepareArticle(format, encode(corpus.next())))
      const body = () => Array.from({ length: perRequest }, item).join('\n')
      const size = perRequest > 1 ? batches : singles
      const requests = pool(size, (): Shot => ({
        path,
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
    const [uploadResult, floorSingle, uploadFloor, uploadEight, floorEight] = await alternate(
      worker,
      options,
      [
        upload(1),
        floor(4, 'text', 1, 1),
        floor(7, 'text', 1, 1, '/__bench/upload-floor'),
        upload(8),
        floor(6, 'text', 1, 8),
      ],
      rounds,
    )
    log('write path: single uploads with an API key and a webhook endpoint, and with neither …')
    const integrated = await keysAndWebhooks(worker, options, pool(singles, single), rounds)
    const singlesMeasured = {
      upload: uploadResult!,
      floorSingle: floorSingle!,
      uploadFloor: uploadFloor!,
      uploadEight: uploadEight!,
      floorEight: floorEight!,
      ...integrated,
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

/**
 * Uploads in turn with an API key and a subscribed webhook endpoint, and with neither: the
 * token, and the outbox triggers dropped (so no event is written at all).
 */
async function keysAndWebhooks(
  worker: RunningWorker,
  options: BenchOptions,
  shots: Pool<Shot>,
  rounds: number,
): Promise<Pick<WritePath, 'uploadIntegrated' | 'uploadBare' | 'webhooksDelivered'>> {
  let delivered = 0
  const receiver = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      delivered++
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  try {
    const post = async (path: string, body: unknown) => {
      const res = await send(`${worker.origin}${path}`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (res.status !== 201) throw new Error(`${path} answered ${res.status}: ${res.text}`)
      return JSON.parse(res.text) as { secret: string }
    }
    const { port } = receiver.address() as AddressInfo
    const key = await post('/api/keys', { name: 'bench', scopes: ['articles:write'] })
    await post('/api/webhooks', { url: `http://127.0.0.1:${port}/hook`, events: EVENT_TYPES })
    const triggers = await worker.all<{ name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'webhook_%'",
    )
    if (triggers.length === 0) throw new Error('no webhook triggers to measure')
    const drop = triggers.map((t) => ({ sql: `DROP TRIGGER IF EXISTS ${t.name}`, params: [] }))
    const restore = () =>
      worker.runStatements([...drop, ...triggers.map((t) => ({ sql: t.sql, params: [] }))])
    const withKey = (): Shot => {
      const shot = shots.next()
      return { ...shot, headers: { ...shot.headers, Authorization: `Bearer ${key.secret}` } }
    }
    const route = (make: () => Shot, before: () => Promise<void>): WriteRoute => ({
      origin: worker.origin,
      perRequest: 1,
      requests: pool(Math.floor(shots.remaining / 2), make),
      acknowledged: createdOne,
      connections: 1,
      before,
    })
    const [uploadIntegrated, uploadBare] = await alternate(
      worker,
      options,
      [
        route(withKey, restore),
        route(
          () => shots.next(),
          () => worker.runStatements(drop),
        ),
      ],
      rounds,
    )
    // What follows writes as the app does: with its triggers.
    await restore()
    return { uploadIntegrated, uploadBare, webhooksDelivered: delivered }
  } finally {
    receiver.close()
  }
}
