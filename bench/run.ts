/**
 * `npm run bench` (`--smoke`: the same path at a tiny scale, for CI). Builds the worker with
 * wrangler, runs it in workerd through Miniflare with D1 and KV, and measures reads, writes, CPU
 * and growth; prints one table and writes bench/results.json, bench/latest.md, bench/growth.svg.
 * Exits non-zero only when the worker fails to start, a route answers 5xx, or the bench crashes.
 */
import { rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { relative, resolve } from 'node:path'
import { buildBundles } from './build'
import { measureCpu } from './cpu'
import { measureGrowth } from './growth'
import { describeMachine } from './machine'
import { benchOptions } from './options'
import { markdownReport, writeOutputs } from './outputs'
import { allMeasured, type Results } from './results'
import type { Measured } from './routes'
import { evaluateTargets } from './targets'
import { withWorker } from './worker'
import { measureWritePath } from './write-path'

const root = resolve(import.meta.dirname, '..')
const options = benchOptions(process.argv.slice(2))
const started = performance.now()
const elapsed = () => ((performance.now() - started) / 1000).toFixed(0).padStart(4)
const log = (line: string) => console.error(`${elapsed()} s · ${line}`)

const loadBefore = loadavg()[0]!
if (loadBefore > 0.5) log(`warning: load average ${loadBefore.toFixed(2)}: the machine is busy`)
log('building the app and bench bundles (wrangler deploy --dry-run) …')
const bundles = await buildBundles(root)
try {
  log('CPU: normalizeUpload and renderArticlePage in Node (tinybench) …')
  const cpu = await measureCpu(root, options)
  const write = await measureWritePath(root, bundles, options, log)
  const { stages, read } = await withWorker(root, bundles, (w) => measureGrowth(w, options, log))
  const results: Results = {
    mode: options.smoke ? 'smoke' : 'full',
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    machine: describeMachine(root),
    loadAverage: { before: loadBefore, after: loadavg()[0]! },
    options,
    cpu,
    write,
    read,
    growth: stages,
    seconds: (performance.now() - started) / 1000,
  }
  const targets = evaluateTargets(results)
  const markdown = await markdownReport(results, targets)
  console.log(`\n${markdown}`)
  for (const file of writeOutputs(results, markdown)) log(`wrote ${relative(root, file)}`)

  const failures = allMeasured(results).flatMap(([name, m]) =>
    m.ok && m.serverErrors > 0 ? [`${name}: ${m.serverErrors} responses with status 5xx`] : [],
  )
  for (const [name, m] of allMeasured(results)) {
    const odd = m.ok ? Object.keys(m.statuses).filter((s) => !/^[23]/.test(s)) : []
    if (odd.length)
      log(`note: ${name} answered ${odd.map((s) => `${m.ok && m.statuses[s]}× ${s}`).join(', ')}`)
    if (m.ok && m.errors) log(`note: ${name}: ${m.errors} connection errors or timeouts`)
    if ('exhausted' in m && m.exhausted) log(`note: ${name} used up its pool of distinct requests`)
  }
  const expect = (name: string, m: Measured, value: string) => {
    const total = m.ok ? Object.values(m.tallied).reduce((a, b) => a + b, 0) : 0
    const share = m.ok && total ? (m.tallied[value] ?? 0) / total : 1
    if (share < 1) log(`note: ${name}: only ${(share * 100).toFixed(1)}% X-Cache ${value}`)
  }
  expect('cached page', read.cachedPage, 'HIT')
  expect('index', read.index, 'HIT')
  expect('uncached page', read.uncachedPage, 'MISS')
  for (const stage of stages)
    expect(`uncached page @ ${stage.articles}`, stage.uncachedPage, 'MISS')
  if (failures.length) {
    for (const failure of failures) console.error(`FAIL ${failure}`)
    process.exitCode = 1
  }
} finally {
  rmSync(bundles.dir, { recursive: true, force: true })
}
