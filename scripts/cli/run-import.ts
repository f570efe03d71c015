import type { ClientOptions } from './api-client'
import { importsClient } from './imports'
import { jobProgress, jobSummary, sizeOf } from './job-report'
import type { ImportRun } from './plan'
import type { Output } from './report'

export interface WatchOptions extends ClientOptions {
  /** How often the job is read while it runs. */
  pollMs: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Sends one archive as an import job, draws the job's progress until it ends, then reports its
 * counts and failed items. True when every item was stored.
 */
export async function runImport(
  run: ImportRun,
  options: WatchOptions,
  progress: Output = process.stderr,
  report: Output = process.stdout,
): Promise<boolean> {
  const client = importsClient(options)
  progress.write(`importing ${run.name} (${sizeOf(run.bytes)}, ${run.contentType.split(';')[0]})\n`)
  const started = await client.start(await run.body(), run.contentType)
  if (!started.ok) {
    report.write(`\n  ${run.name}: not imported: ${started.error}\n`)
    return false
  }
  let job = started.value
  const url = new URL(job.links.self, options.origin).href
  progress.write(`import job ${url}\n`)
  const bar = jobProgress(progress)
  bar.update(job)
  while (job.status === 'queued' || job.status === 'running') {
    await sleep(options.pollMs)
    const polled = await client.job(job.id)
    if (!polled.ok) {
      bar.end()
      report.write(`\n  ${run.name}: lost track of the job (${polled.error}); see ${url}\n`)
      return false
    }
    job = polled.value
    bar.update(job)
  }
  bar.end()
  const failures = job.failed > 0 ? await client.failures(job.id) : { ok: true as const, value: [] }
  report.write(`${jobSummary(run.name, url, job, failures.ok ? failures.value : [])}\n`)
  if (!failures.ok) {
    const list = new URL(job.links.failures, options.origin).href
    report.write(`  the failures could not be listed (${failures.error}); see ${list}\n`)
  }
  return job.status === 'done' && job.failed === 0
}
