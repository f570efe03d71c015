import type { Reply } from './http'

export interface RouteStats {
  latencies: number[]
  statuses: Record<string, number>
  /** X-Cache values of the answers (HIT, MISS, STALE). */
  cache: Record<string, number>
  networkErrors: number
}

const add = (tally: Record<string, number>, key: string) => {
  tally[key] = (tally[key] ?? 0) + 1
}

/** Every answer per route, and every failure in words. */
export class Recorder {
  readonly routes = new Map<string, RouteStats>()
  readonly failures: string[] = []
  /** Things worth knowing that are not failures, counted. */
  readonly notes: Record<string, number> = {}

  /** Tallies an answer; a 5xx, or a status this request should never get, is a failure. */
  answer(route: string, what: string, reply: Reply, expected: number[]): void {
    const stats = this.route(route)
    stats.latencies.push(reply.ms)
    add(stats.statuses, String(reply.status))
    const cache = reply.headers['x-cache']
    if (typeof cache === 'string') add(stats.cache, cache)
    if (reply.status >= 500 || !expected.includes(reply.status)) {
      this.fail(`${what} answered ${reply.status}: ${reply.text.slice(0, 200).trim()}`)
    }
  }

  networkError(route: string, what: string, error: unknown): void {
    this.route(route).networkErrors++
    this.fail(`${what}: ${error instanceof Error ? error.message : String(error)}`)
  }

  fail(line: string): void {
    this.failures.push(line)
  }

  note(what: string): void {
    add(this.notes, what)
  }

  private route(name: string): RouteStats {
    let stats = this.routes.get(name)
    if (!stats) {
      stats = { latencies: [], statuses: {}, cache: {}, networkErrors: 0 }
      this.routes.set(name, stats)
    }
    return stats
  }
}
