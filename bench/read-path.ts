import type { UnreadPages } from './direct-load'
import { load } from './load'
import type { BenchOptions } from './options'
import {
  measure,
  measureAlternating,
  measureInTurns,
  missing,
  routeExists,
  warmPage,
  type Measured,
} from './routes'
import type { RunningWorker } from './worker'

export interface ReadPath {
  articles: number
  healthz: Measured
  /** `/healthz` again at the end: how far the machine drifted during the section. */
  healthzAfter: Measured
  cachedPage: Measured
  /** The two storage reads of a cached page view, each alone (bench worker routes). */
  d1Read: Measured
  kvRead: Measured
  /** As many bytes as the cached page, from a constant in a bare worker: the payload's own cost. */
  pageBytes: Measured
  articleJson: Measured
  index: Measured
  search: Measured
  uncachedPage: Measured
  /** The four storage operations of a first view alone, from the bench worker: its floor. */
  firstViewFloor: Measured
}

/** How long and how hard one measurement runs: growth reads use few connections and a cap. */
export interface Run {
  seconds: number
  connections?: number
  max?: number
}

/** GETs of article pages nobody has read yet: each request renders from D1 (a MISS). */
export async function measureUncached(
  worker: RunningWorker,
  options: BenchOptions,
  unread: UnreadPages,
  run: Run,
): Promise<Measured> {
  const shot = () => ({ path: `/articles/${unread.next()}` })
  await warmUncached(worker, options, unread, run.connections)
  const max = Math.min(unread.remaining, run.max ?? Infinity)
  return measure(worker, options, shot, { ...run, max, warm: null })
}

/** A few first views, unmeasured, so the JIT has compiled the path before it is timed. */
async function warmUncached(
  worker: RunningWorker,
  options: BenchOptions,
  unread: UnreadPages,
  connections = options.connections,
): Promise<void> {
  const shot = () => ({ path: `/articles/${unread.next()}` })
  const warm = Math.min(options.smoke ? 5 : 50, Math.floor(unread.remaining / 4))
  await load({ origin: worker.origin, connections, seconds: 2, shot, max: warm })
  await worker.settle()
}

export async function measureSearch(
  worker: RunningWorker,
  options: BenchOptions,
  run: Run,
  query = options.searchQuery,
): Promise<Measured> {
  const shot = { path: `/api/search?q=${encodeURIComponent(query)}` }
  const exists = await routeExists(worker.origin, shot)
  return exists === true ? measure(worker, options, shot, run) : missing(exists)
}

/** Every read route at the run's load, each to be compared with `/healthz` of the same run. */
export async function measureReadPath(
  worker: RunningWorker,
  options: BenchOptions,
  seedSlug: string,
  unread: UnreadPages,
): Promise<ReadPath> {
  const page = `/articles/${seedSlug}`
  await warmPage(worker.origin, page)
  // The target is a ratio between these two: measured in turns, not minutes apart.
  const [healthz, cachedPage] = await measureAlternating(
    worker,
    options,
    { path: '/healthz' },
    { path: page },
    options.smoke ? 2 : 6,
  )
  const scope = `article:${seedSlug}`
  const [epoch] = await worker.all<{ epoch: number }>(
    `SELECT epoch FROM cache_epochs WHERE scope = '${scope}'`,
  )
  const bench = { origin: worker.benchOrigin }
  const d1Read = await measure(worker, options, { path: `/__bench/epoch?scope=${scope}` }, bench)
  const kvPath = `/__bench/page?scope=${scope}&epoch=${epoch?.epoch ?? 0}&variant=html`
  const kvRead = await measure(worker, options, { path: kvPath }, bench)
  const size = (await (await fetch(`${worker.origin}${page}`)).arrayBuffer()).byteLength
  const pageBytes = await measure(worker, options, { path: `/__bench/bytes?n=${size}` }, bench)
  const articleJson = await measure(worker, options, { path: `/api/articles/${seedSlug}` })
  await warmPage(worker.origin, '/')
  const index = await measure(worker, options, { path: '/' })
  const run = { seconds: options.seconds }
  const search = await measureSearch(worker, options, run)
  // The first view beside its floor, in turns: a ratio between two runs a minute apart moves
  // with the machine more than with any change to the route.
  await warmUncached(worker, options, unread)
  const [uncachedPage, firstViewFloor] = await measureInTurns(
    worker,
    options,
    [
      { shot: () => ({ path: `/articles/${unread.next()}` }), max: unread.remaining },
      {
        shot: () => ({ path: `/__bench/first-view?slug=${unread.sample()}&n=${size}` }),
        ...bench,
      },
    ],
    options.smoke ? 2 : 6,
  )
  const healthzAfter = await measure(worker, options, { path: '/healthz' }, { warm: null })
  return {
    articles: await worker.count('articles'),
    healthz,
    healthzAfter,
    cachedPage,
    d1Read,
    kvRead,
    pageBytes,
    articleJson,
    index,
    search,
    uncachedPage,
    firstViewFloor,
  }
}
