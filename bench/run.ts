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
import { reviewRun } from './checks'
import { measureCpu } from './cpu'
import { measureExtractionCpu } from './extraction-cpu'
import { measureGrowth } from './growth'
import { measureImports } from './import-path'
import { describeMachine } from './machine'
import { benchOptions } from './options'
import { markdownReport, writeOutputs } from './outputs'
import type { Results } from './results'
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
// On every way out, a crash in a Miniflare worker thread included.
process.on('exit', () => rmSync(bundles.dir, { recursive: true, force: true }))
log('CPU: normalizeUpload and renderArticlePage in Node (tinybench) …')
const cpu = await measureCpu(root, options)
log('CPU: normalizeUpload on the extraction dev set, per page …')
const extraction = measureExtractionCpu(root, options)
const write = await measureWritePath(root, bundles, options, log)
const imports = await measureImports(root, bundles, options, log)
const { stages, read } = await withWorker(root, bundles, (w) => measureGrowth(w, options, log))
const results: Results = {
  mode: options.smoke ? 'smoke' : 'full',
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  machine: describeMachine(root),
  loadAverage: { before: loadBefore, after: loadavg()[0]! },
  options,
  cpu,
  extraction,
  write,
  imports,
  read,
  growth: stages,
  seconds: (performance.now() - started) / 1000,
}
const targets = evaluateTargets(results)
const markdown = await markdownReport(results, targets)
console.log(`\n${markdown}`)
for (const file of writeOutputs(results, markdown)) log(`wrote ${relative(root, file)}`)

const { failures, notes } = reviewRun(results)
for (const note of notes) log(`note: ${note}`)
for (const failure of failures) console.error(`FAIL ${failure}`)
if (failures.length) process.exitCode = 1
