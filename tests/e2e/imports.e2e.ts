import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportJob } from '../../src/model/imports'
import { startService, type Service } from '../../scripts/local-service/service'
import { resultsPath } from './context'

// Import jobs under wrangler dev, as `npm start` runs them: R2 for the archive, the local queue
// for the work, the cron trigger for recovery. Nothing is started by hand.

const article = (run: string, n: number) =>
  JSON.stringify({
    title: `Harbor log ${run} ${n}: the tide tables for berth ${n}`,
    body: `The harbor office posted berth ${n}'s tables for run ${run}.\n\nThey cover the winter.`,
  })

const ndjson = (run: string, count: number) =>
  Array.from({ length: count }, (_, i) => article(run, i + 1)).join('\n') + '\n'

async function postImport(origin: string, token: string, body: string) {
  const res = await fetch(`${origin}/api/imports`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-ndjson' },
    body,
  })
  expect(res.status).toBe(202)
  const job = (await res.json()) as ImportJob
  expect(res.headers.get('Location')).toBe(`/api/imports/${job.id}`)
  return job
}

async function jobOf(origin: string, token: string, id: string): Promise<ImportJob> {
  const res = await fetch(`${origin}/api/imports/${id}`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(res.status).toBe(200)
  return (await res.json()) as ImportJob
}

async function until(
  origin: string,
  token: string,
  id: string,
  done: (job: ImportJob) => boolean,
  timeoutMs: number,
): Promise<ImportJob> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const job = await jobOf(origin, token, id)
    if (done(job)) return job
    if (Date.now() > deadline) throw new Error(`job still ${job.status}: ${JSON.stringify(job)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

const books = (job: ImportJob) => ({
  status: job.status,
  total: job.total,
  done: job.done,
  created: job.created,
  updated: job.updated,
  unchanged: job.unchanged,
  failed: job.failed,
})

// Their own service: the articles they store would push the seed off the shared one's index.
describe('an import job under the local service', () => {
  let service: Service
  beforeAll(async () => {
    // A quiet job is one with no progress for 2 s; the cron fires every second, not every minute.
    service = await startService({
      logFile: resultsPath('imports-restart.log'),
      vars: { IMPORT_QUIET_SECONDS: '2' },
      cronEveryMs: 1_000,
    })
  }, 120_000)
  afterAll(() => service?.stop())

  it('runs to the end through the queue with nothing started by hand', async () => {
    const { origin, token } = service
    const job = await postImport(origin, token, ndjson('plain', 120))
    expect(job.status).toBe('queued')
    const ended = await until(origin, token, job.id, (j) => j.finishedAt !== null, 60_000)
    expect(books(ended)).toEqual({
      status: 'done',
      total: 120,
      done: 120,
      created: 120,
      updated: 0,
      unchanged: 0,
      failed: 0,
    })
    const page = await fetch(
      `${origin}/api/articles/harbor-log-plain-120-the-tide-tables-for-berth-120`,
    )
    expect(page.status).toBe(200)
    expect(((await page.json()) as { title: string }).title).toBe(
      'Harbor log plain 120: the tide tables for berth 120',
    )
  })

  it('completes after the restart, each article stored once, without the client resending', async () => {
    const { token } = service
    const total = 1_500
    const job = await postImport(service.origin, token, ndjson('killed', total))
    const midway = await until(
      service.origin,
      token,
      job.id,
      (j) => j.done > 0 || j.finishedAt !== null,
      60_000,
    )
    // Stopped while chunks were still waiting: the local queue's messages die with the process.
    expect(midway.done).toBeLessThan(total)
    await service.restart()
    const ended = await until(service.origin, token, job.id, (j) => j.finishedAt !== null, 90_000)
    expect(books(ended)).toEqual({
      status: 'done',
      total,
      done: total,
      created: total,
      updated: 0,
      unchanged: 0,
      failed: 0,
    })
    const last = await fetch(
      `${service.origin}/api/articles/harbor-log-killed-${total}-the-tide-tables-for-berth-${total}`,
    )
    expect(last.status).toBe(200)
    // Chunks sent again after the restart find their items recorded: one revision each.
    for (const n of [1, 750, total]) {
      const slug = `harbor-log-killed-${n}-the-tide-tables-for-berth-${n}`
      const res = await fetch(`${service.origin}/api/articles/${slug}/revisions`)
      expect(res.status).toBe(200)
      expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(1)
    }
  })
})
