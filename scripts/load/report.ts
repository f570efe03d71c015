import { cpus, loadavg, totalmem } from 'node:os'
import { format, resolveConfig } from 'prettier'
import { percentile } from '../../bench/load'
import type { LoadOptions } from './options'
import type { RouteStats } from './recorder'
import type { BooksResult } from './verify'
import type { World } from './world'

export interface Run {
  started: Date
  options: LoadOptions
  server: string
  seconds: number
  loadBefore: number[]
  world: World
  books: BooksResult
}

/** Routes that are not the workload: the setup before it, the read-back after. */
const OFF_THE_CLOCK = new Set(['setup', 'books'])
const MAX_LISTED = 50

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—')
const tally = (t: Record<string, number>) =>
  Object.entries(t)
    .map(([key, n]) => `${key}: ${n}`)
    .join(', ')
const loads = (l: number[]) => l.map((n) => n.toFixed(2)).join(' / ')

function row(name: string, s: RouteStats, seconds: number): string {
  const sorted = [...s.latencies].sort((a, b) => a - b)
  const count = s.latencies.length + s.networkErrors
  const errors = s.networkErrors > 0 ? `, no answer: ${s.networkErrors}` : ''
  const cells = [
    name,
    String(count),
    (count / seconds).toFixed(1),
    ...[0.5, 0.9, 0.99].map((p) => ms(percentile(sorted, p))),
    ms(sorted.at(-1) ?? NaN),
    tally(s.statuses) + errors,
    tally(s.cache),
  ]
  return `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`
}

function total(routes: RouteStats[]): RouteStats {
  const all: RouteStats = { latencies: [], statuses: {}, cache: {}, networkErrors: 0 }
  for (const r of routes) {
    all.latencies.push(...r.latencies)
    all.networkErrors += r.networkErrors
    for (const [k, n] of Object.entries(r.statuses)) all.statuses[k] = (all.statuses[k] ?? 0) + n
  }
  return all
}

const listed = (lines: string[]) => [
  ...lines.slice(0, MAX_LISTED).map((l) => `- ${l}`),
  ...(lines.length > MAX_LISTED ? [`- … and ${lines.length - MAX_LISTED} more`] : []),
]

/** The run as Markdown, formatted by the project's prettier settings. */
export async function markdownReport(run: Run, file: string): Promise<string> {
  const { world: w, books, options: o } = run
  const routes = [...w.recorder.routes].filter(([name]) => !OFF_THE_CLOCK.has(name)).sort()
  const failures = w.recorder.failures
  const statuses = total(routes.map(([, s]) => s)).statuses
  const serverErrors = Object.entries(statuses).filter(([k]) => Number(k) >= 500)
  const md = [
    '# Load run: latest',
    '',
    '<!-- Written by `npx tsx scripts/load/run.ts` (scripts/load/). Do not edit by hand. -->',
    '',
    `${run.started.toISOString().slice(0, 16).replace('T', ' ')} UTC: ${o.seconds} s of load ` +
      `(${run.seconds.toFixed(1)} s measured), ${o.connections} connections acting as ${o.clients} ` +
      `clients with a CF-Connecting-IP each, against ${run.server}. Stored first: seeds/ and ` +
      `${o.seedCount} generated posts (bulk), ${w.stories.length} stories to edit; ${w.hot.length} pages warmed.`,
    '',
    `Machine: ${cpus()[0]?.model.trim()}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}; load average (1/5/15 min) ${loads(run.loadBefore)} before, ` +
      `${loads(loadavg())} after. The load generator shares the machine with the server.`,
    '',
    '| route | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | statuses | X-Cache |',
    '| --- | --: | --: | --: | --: | --: | --: | --- | --- |',
    ...routes.map(([name, s]) => row(name, s, run.seconds)),
    row('**all**', total(routes.map(([, s]) => s)), run.seconds),
    '',
    'Latency: from sending a request to the last byte of its answer (performance.now), every answer.',
    `5xx: ${serverErrors.reduce((n, [, c]) => n + c, 0)} · 429 (rate limited, not a failure): ` +
      `${statuses['429'] ?? 0} · 409 (write race lost, retry): ${statuses['409'] ?? 0}.`,
    '',
    '## Books',
    '',
    `${books.problems.length === 0 ? '✓' : '✗'} ${books.articles} articles with ${books.acks} ` +
      `acknowledged writes read back: ${books.revisions} revisions, ${books.pages} pages. ` +
      (books.problems.length === 0 ? 'Every one matches.' : `${books.problems.length} problems:`),
    '',
    ...listed(books.problems),
    '',
    '## Failures',
    '',
    ...(failures.length === 0 ? ['None.'] : listed(failures)),
    '',
    ...(Object.keys(w.recorder.notes).length > 0
      ? ['## Notes', '', ...Object.entries(w.recorder.notes).map(([k, n]) => `- ${k}: ${n}`), '']
      : []),
  ].join('\n')
  return format(md, { ...(await resolveConfig(file)), parser: 'markdown' })
}
