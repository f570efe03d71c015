import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { growthSvg } from './growth-svg'
import { machineLine } from './machine'
import { tableRows } from './report'
import { markdownTable, targetLines } from './table'
import type { Results } from './results'
import type { Target } from './targets'

export const WHY_MINIFLARE =
  'Runtime: workerd through Miniflare, started from Node on the bundle `wrangler deploy --dry-run` ' +
  'writes (what production runs), with in-memory D1 and KV. Requests reach the worker directly: ' +
  '`wrangler dev` adds a proxy worker in front of it and logs every request (~30% of throughput ' +
  'on these machines), neither of which exists in production.'

const duration = (s: number) => `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`

/** The report as Markdown, formatted by the project's prettier settings. */
export async function markdownReport(r: Results, targets: Target[]): Promise<string> {
  const notes = [
    `Measured ${r.date} (${r.mode} run, ${duration(r.seconds)} in all) on ${machineLine(r.machine)}.`,
    `1-minute load average ${r.loadAverage.before.toFixed(2)} before, ${r.loadAverage.after.toFixed(2)} after: other work on the machine lowers every rate; compare ratios within one run.`,
    WHY_MINIFLARE,
    `autocannon: ${r.options.connections} connections on one Node thread (workerd gets the other core), ` +
      `${r.options.seconds} s per route after a short warm-up; read ratios are against the mean of the two /healthz runs, except the cached page's, which is against the /healthz run it alternated with (6 turns each, A B B A …). ` +
      'Latencies are every response, measured with hrtime. "workerd CPU/response" is the CPU time of the workerd process (the app and the D1 and KV simulators inside it) over the run, per response, from /proc: the load generator and other tenants of the machine do not count, so "by CPU" ratios drift less than rates. Write rates are rows added to D1 per second; ' +
      `each write route runs in turn with its floor${r.mode === 'full' ? ', twice over' : ''}. ` +
      `Growth reads: ${r.options.growthConnections} connections, at most ${r.options.growthRequests} requests or ${r.options.growthSeconds} s; ` +
      'their growth is p50 in multiples of one indexed D1 read measured at the same stage, so a machine busier or quieter than at 1k does not pass for growth. Details: bench/README.md.',
  ]
  const md = [
    '# Benchmark: latest run',
    '',
    '<!-- Written by `npm run bench` (bench/run.ts). Do not edit by hand. -->',
    '',
    ...notes.flatMap((n) => [n, '']),
    markdownTable(tableRows(r, targets)),
    '',
    '## Targets',
    '',
    ...targetLines(targets),
    '',
    ...(r.growth.length > 1 ? ['![p50 latency against stored articles](growth.svg)', ''] : []),
  ].join('\n')
  const file = resolve(import.meta.dirname, 'latest.md')
  return format(md, { ...(await resolveConfig(file)), parser: 'markdown' })
}

/** results.json always (git-ignored); latest.md and growth.svg only from a full run. */
export function writeOutputs(r: Results, markdown: string): string[] {
  const dir = import.meta.dirname
  const written = [resolve(dir, 'results.json')]
  // Every latency of every run would make the file megabytes; the percentiles are there.
  const json = JSON.stringify(
    r,
    (key, value: unknown) => (key === 'latencies' ? undefined : value),
    2,
  )
  writeFileSync(written[0]!, `${json}\n`)
  if (r.mode === 'full') {
    writeFileSync(resolve(dir, 'latest.md'), markdown)
    writeFileSync(resolve(dir, 'growth.svg'), growthSvg(r.growth))
    written.push(resolve(dir, 'latest.md'), resolve(dir, 'growth.svg'))
  }
  return written
}
