import { send } from './http'
import { load, loadResult, type LoadResult, type Shot } from './load'
import type { BenchOptions } from './options'
import type { RunningWorker } from './worker'
import { workerdCpuMicros } from './workerd-cpu'

/**
 * A measured route, or why it was not measured. `cpuUs`: workerd CPU time per response (see
 * workerd-cpu.ts), null where /proc cannot tell.
 */
export type Measured =
  ({ ok: true; cpuUs?: number | null } & LoadResult) | { ok: false; reason: string }

export const missing = (status: number): Measured => ({
  ok: false,
  reason: `n/a (route missing: ${status})`,
})

/** A route that answers 404 or 405 does not exist yet: the bench reports n/a and moves on. */
export async function routeExists(origin: string, shot: Shot): Promise<number | true> {
  const res = await send(origin + shot.path, shot)
  return res.status === 404 || res.status === 405 ? res.status : true
}

/** Requests a cached page until KV answers it (the MISS stores it with waitUntil). */
export async function warmPage(origin: string, path: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const res = await send(origin + path)
    if (res.status >= 400) throw new Error(`GET ${path} answered ${res.status}`)
    if (res.header('X-Cache') === 'HIT') return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`GET ${path} never became a cache HIT`)
}

/**
 * Load with the run's settings: a short unmeasured warm-up (JIT), then the measured run. After
 * each, D1 is let drain: requests the load generator abandoned at the deadline must not slow the
 * next measurement.
 */
export async function measure(
  worker: RunningWorker,
  options: BenchOptions,
  shot: Shot | (() => Shot),
  extra: {
    seconds?: number
    max?: number
    connections?: number
    warm?: Shot | (() => Shot) | null
    origin?: string
  } = {},
): Promise<Measured> {
  const origin = extra.origin ?? worker.origin
  const connections = extra.connections ?? options.connections
  const base = { origin, connections, tally: 'X-Cache' }
  const warm = extra.warm === undefined ? shot : extra.warm
  if (warm) {
    await load({ ...base, shot: warm, seconds: options.smoke ? 0.2 : 0.5, max: extra.max })
    await worker.settle()
  }
  const seconds = extra.seconds ?? options.seconds
  const cpuBefore = workerdCpuMicros()
  const result = await load({ ...base, shot, seconds, max: extra.max })
  const cpuAfter = workerdCpuMicros()
  await worker.settle()
  const responses = Object.values(result.statuses).reduce((a, b) => a + b, 0)
  const cpuUs =
    cpuBefore === null || cpuAfter === null || responses === 0
      ? null
      : (cpuAfter - cpuBefore) / responses
  return { ok: true, ...result, cpuUs }
}

/** Several measurements of one route as one: rates over their summed time, latencies pooled. */
function pooled(parts: Measured[]): Measured {
  const ok = parts.filter((p): p is Extract<Measured, { ok: true }> => p.ok)
  if (ok.length < parts.length) return parts.find((p) => !p.ok)!
  const sum = (f: (p: (typeof ok)[number]) => number) => ok.reduce((s, p) => s + f(p), 0)
  const add = (f: (p: (typeof ok)[number]) => Record<string, number>) => {
    const total: Record<string, number> = {}
    for (const p of ok) for (const [k, v] of Object.entries(f(p))) total[k] = (total[k] ?? 0) + v
    return total
  }
  const latencies = ok.flatMap((p) => p.latencies).sort((a, b) => a - b)
  const statuses = add((p) => p.statuses)
  const responses = Object.values(statuses).reduce((a, b) => a + b, 0)
  const cpu = ok.every((p) => typeof p.cpuUs === 'number')
    ? sum((p) => p.cpuUs! * Object.values(p.statuses).reduce((a, b) => a + b, 0)) / responses
    : null
  return {
    ok: true,
    ...loadResult({
      succeeded: sum((p) => p.succeeded),
      seconds: sum((p) => p.seconds),
      latencies,
      statuses,
      tallied: add((p) => p.tallied),
      errors: sum((p) => p.errors),
      serverErrors: sum((p) => p.serverErrors),
    }),
    cpuUs: cpu,
  }
}

/**
 * Two routes measured in turns (A B B A A B …, `rounds` slices each, the run's seconds split
 * among them), so both see the same moments of a machine whose speed drifts by a third within a
 * minute: the ratio between them is what this is for.
 */
export async function measureAlternating(
  worker: RunningWorker,
  options: BenchOptions,
  a: Shot,
  b: Shot,
  rounds: number,
): Promise<[Measured, Measured]> {
  return measureInTurns(worker, options, [{ shot: a }, { shot: b }], rounds)
}

/** One side of measureInTurns: its requests, and where they go when not to the app. */
export interface Turn {
  shot: Shot | (() => Shot)
  origin?: string
  /** Requests at most, over all of this side's turns (a pool of unread pages, say). */
  max?: number
}

/** measureAlternating for any two routes: the app's and the bench worker's, say. */
export async function measureInTurns(
  worker: RunningWorker,
  options: BenchOptions,
  turns: [Turn, Turn],
  rounds: number,
): Promise<[Measured, Measured]> {
  const seconds = options.seconds / rounds
  const parts: [Measured[], Measured[]] = [[], []]
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0]
    for (const i of order) {
      const { shot, origin, max } = turns[i]!
      const warm = round === 0 && max === undefined ? shot : null
      const perTurn = max === undefined ? undefined : Math.floor(max / rounds)
      parts[i]!.push(await measure(worker, options, shot, { seconds, origin, max: perTurn, warm }))
    }
  }
  return [pooled(parts[0]), pooled(parts[1])]
}
