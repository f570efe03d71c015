/**
 * `npx tsx scripts/load/run.ts [--duration 60] [--connections 8] [--url URL --token T]`: a bounded
 * mixed workload (cached and first-read pages, listings, JSON, search, new articles, edits, some
 * of them concurrent on one article) against a local server, then the books: every acknowledged
 * write is in D1 at the right revision and shown by its page. Prints a table per route and writes
 * scripts/load/last-run.md; exits 1 on any 5xx, unanswered request or mismatch.
 */
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import { loadOptions } from './options'
import { prepare } from './prepare'
import { publishScheduled } from './publishing'
import { markdownReport } from './report'
import { startServer, type Server } from './server'
import { checkBooks } from './verify'
import { runWorkload } from './workload'
import { newWorld, type World } from './world'

const here = import.meta.dirname
const root = resolve(here, '../..')
const options = loadOptions(process.argv.slice(2), root)
const started = new Date()
const loadBefore = loadavg()
const clock = performance.now()
const log = (line: string) =>
  console.error(`${((performance.now() - clock) / 1000).toFixed(0).padStart(4)} s · ${line}`)

let server: Server | null = null
let world: World | null = null
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(
    signal,
    () => void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(130)),
  )
}

try {
  if (!options.url) {
    log(`starting wrangler dev on 127.0.0.1:${options.port} with fresh state …`)
    server = await startServer(options.port, resolve(here, 'last-run.log'))
  }
  const origin = server?.origin ?? options.url!
  const w = (world = newWorld(origin, server?.token ?? options.token, options.clients))
  log(`seeding ${origin}: seeds/, ${options.seedCount} generated posts, stories; warming up …`)
  await prepare(w, root, options.seedCount, options.connections)
  log(`load for ${options.seconds} s on ${options.connections} connections …`)
  const ticker = setInterval(() => {
    const requests = [...w.recorder.routes.values()].reduce((n, r) => n + r.latencies.length, 0)
    log(`${requests} answers so far, ${w.recorder.failures.length} failures`)
  }, 10_000)
  const seconds = await runWorkload(w, options.seconds, options.connections)
  clearInterval(ticker)
  log(`publishing ${w.scheduled.length} scheduled articles with the cron …`)
  await publishScheduled(w)
  log(`checking the books: ${w.books.entries.size} articles …`)
  const books = await checkBooks(w, options.connections)
  const file = resolve(here, 'last-run.md')
  const target = server ? `its own wrangler dev (${origin}, fresh state)` : origin
  const md = await markdownReport(
    { started, options, server: target, seconds, loadBefore, world: w, books },
    file,
  )
  writeFileSync(file, md)
  console.log(`\n${md}`)
  const failed = w.recorder.failures.length + books.problems.length
  log(`wrote ${file}: ${failed === 0 ? 'no failures' : `${failed} failures, listed above`}`)
  process.exitCode = failed === 0 ? 0 : 1
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  for (const failure of world?.recorder.failures.slice(0, 20) ?? []) console.error(`  ${failure}`)
  process.exitCode = 1
} finally {
  await server?.stop()
}
