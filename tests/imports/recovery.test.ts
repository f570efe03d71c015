import { createMessageBatch, env, getQueueResult, createExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import worker from '../../src/index'
import {
  importsOf,
  type ImportLimits,
  type ImportMessage,
  type Imports,
} from '../../src/imports/context'
import { createImport, importJob, retryImport } from '../../src/imports/jobs'
import { deadLetter, sweep } from '../../src/imports/recovery'
import { splitArchive } from '../../src/imports/split'
import { storeChunk } from '../../src/imports/store-chunk'
import type { ImportJob } from '../../src/model/imports'
import { auth, call, writesSomething } from '../helpers'
import { balanced, ndjson } from './support'

/**
 * The import's steps driven by hand: messages land in `sent` instead of the queue, and `drive`
 * delivers them one at a time, so each failure can be put exactly where it is wanted.
 */
function harness(limits: Partial<ImportLimits> = {}, bindings: Partial<Cloudflare.Env> = {}) {
  const sent: ImportMessage[] = []
  const queue = {
    send: async (body: ImportMessage) => void sent.push(body),
    sendBatch: async (messages: { body: ImportMessage }[]) =>
      void sent.push(...messages.map((m) => m.body)),
  } as unknown as Queue<ImportMessage>
  const base = importsOf({ ...env, ...bindings })
  const imports: Imports = { ...base, queue, limits: { ...base.limits, ...limits } }
  const deliver = (message: ImportMessage, using = imports) =>
    message.kind === 'split'
      ? splitArchive(using, message.job)
      : storeChunk(using, message.job, message.seq)
  return {
    imports,
    sent,
    deliver,
    /** Delivers every message sent, and those they send, in order. */
    async drive(using = imports) {
      while (sent.length > 0) await deliver(sent.shift()!, using)
    },
    start: (body: string) =>
      createImport(imports, {
        format: 'ndjson',
        contentType: 'application/x-ndjson',
        body: new Blob([body]).stream(),
      }),
    job: async (id: string) => (await importJob(imports, id))!,
  }
}

const lines = (n: number, prefix: string) =>
  ndjson(
    ...Array.from({ length: n }, (_, i) => ({
      title: `${prefix} ${i + 1}`,
      body: `Story ${i + 1}.`,
    })),
  )

/** Every item counted as stored names an article at the revision recorded for it, or later. */
async function expectNothingLost(job: ImportJob) {
  expect(balanced(job), JSON.stringify(job)).toBe(true)
  const { results } = await env.DB.prepare(
    `SELECT i.seq, i.status, i.revision AS recorded, a.revision AS current, a.deleted_at AS deleted,
            (SELECT count(*) FROM revisions r WHERE r.article_id = a.id AND r.number = i.revision) AS kept
     FROM import_items i LEFT JOIN articles a ON a.id = i.article_id
     WHERE i.job_id = ? AND i.status <> 'failed'`,
  )
    .bind(job.id)
    .all<{ recorded: number; current: number | null; deleted: string | null; kept: number }>()
  expect(results.length).toBe(job.created + job.updated + job.unchanged)
  for (const row of results) {
    expect(row.current).not.toBeNull()
    expect(row.current!).toBeGreaterThanOrEqual(row.recorded)
    expect(row.kept).toBe(1)
  }
}

/** An R2 bucket whose reads of some keys fail as R2 does when it cannot be reached. */
function bucketFailing(reads: (key: string) => boolean): R2Bucket {
  return new Proxy(env.ORIGINALS, {
    get(target, prop) {
      if (prop === 'get') {
        return (key: string, options?: R2GetOptions) =>
          reads(key) ? Promise.reject(new Error('R2 get failed: 503')) : target.get(key, options)
      }
      const value = Reflect.get(target, prop) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** A D1 whose write batches fail, after the first `ok`, as when the database cannot be reached. */
function d1FailingAfter(ok: number): D1Database {
  let batches = 0
  return new Proxy(env.DB, {
    get(target, prop) {
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) =>
          writesSomething(statements) && ++batches > ok
            ? Promise.reject(new Error('D1_ERROR: Network connection lost.'))
            : target.batch(statements)
      }
      const value = Reflect.get(target, prop) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

describe('splitting', () => {
  it('splits across invocations, a chunk at a time, each kept as its items’ originals', async () => {
    const h = harness({ chunkItems: 2, chunksPerSplit: 1 })
    const job = await h.start(lines(7, 'Split'))
    expect(h.sent).toEqual([{ kind: 'split', job: job.id }])
    await h.deliver(h.sent.shift()!)
    // One chunk, then the rest handed to another invocation.
    expect(h.sent).toEqual([
      { kind: 'chunk', job: job.id, seq: 0 },
      { kind: 'split', job: job.id },
    ])
    expect(await h.job(job.id)).toMatchObject({ status: 'running', total: 2, split: false })
    await h.drive()
    const done = await h.job(job.id)
    expect(done).toMatchObject({ status: 'done', total: 7, created: 7, split: true })
    await expectNothingLost(done)
    // Each chunk stays: it is where its items' originals are kept.
    const chunks = await env.ORIGINALS.list({ prefix: `imports/${job.id}/chunks/` })
    expect(chunks.objects).toHaveLength(4)
    expect(
      (await env.DB.prepare('SELECT count(*) AS n FROM import_chunks WHERE job_id = ?')
        .bind(job.id)
        .first())!.n,
    ).toBe(4)
  })

  it('counts each chunk once when one split message is delivered twice at once', async () => {
    const h = harness({ chunkItems: 2 })
    const job = await h.start(lines(5, 'Twice split'))
    await Promise.all([
      h.deliver({ kind: 'split', job: job.id }),
      h.deliver({ kind: 'split', job: job.id }),
    ])
    h.sent.splice(0, 1)
    expect(await h.job(job.id)).toMatchObject({ total: 5, split: true })
    await h.drive()
    const done = await h.job(job.id)
    expect(done).toMatchObject({ status: 'done', total: 5, created: 5 })
    await expectNothingLost(done)
  })

  it('stops at the item limit with the reason on the item past it', async () => {
    const h = harness({ maxItems: 3 })
    const job = await h.start(lines(6, 'Limited'))
    await h.drive()
    const done = await h.job(job.id)
    expect(done).toMatchObject({ status: 'done', total: 4, created: 3, failed: 1 })
    const last = await env.DB.prepare(
      'SELECT seq, line, code FROM import_items WHERE job_id = ? AND status = ?',
    )
      .bind(job.id, 'failed')
      .first()
    expect(last).toEqual({ seq: 3, line: 4, code: 'too_many_items' })
  })
})

describe('a chunk delivered again', () => {
  it('stores nothing twice, in turn or at once', async () => {
    const h = harness()
    const job = await h.start(lines(4, 'Redelivered'))
    await h.deliver(h.sent.shift()!)
    const chunk = h.sent.shift()!
    // At once: both read the chunk before either finishes it.
    await Promise.all([h.deliver(chunk), h.deliver(chunk)])
    await h.deliver(chunk)
    const done = await h.job(job.id)
    expect(done).toMatchObject({ status: 'done', total: 4, done: 4 })
    expect(done.created + done.unchanged).toBe(4)
    await expectNothingLost(done)
    const revisions = await env.DB.prepare(
      `SELECT count(*) AS n FROM revisions r JOIN articles a ON a.id = r.article_id WHERE a.slug LIKE 'redelivered-%'`,
    ).first<{ n: number }>()
    expect(revisions!.n).toBe(4)
  })
})

describe('storage failing', () => {
  it('R2 failing on a chunk: the message is retried with back-off, then succeeds', async () => {
    const h = harness()
    const job = await h.start(lines(3, 'R2 flaky'))
    await h.deliver(h.sent.shift()!)
    const chunk = h.sent.shift()!
    const broken = { ...h.imports, originals: bucketFailing((key) => key.includes('/chunks/')) }
    await expect(h.deliver(chunk, broken)).rejects.toThrow()
    expect(await h.job(job.id)).toMatchObject({ status: 'running', done: 0 })

    // Through the queue handler: the same failure is a retry with a delay, not an ack.
    const batch = createMessageBatch<ImportMessage>('edge-articles-imports', [
      { id: 'm1', timestamp: new Date(), attempts: 2, body: chunk },
    ])
    const ctx = createExecutionContext()
    await worker.queue(batch, { ...env, ORIGINALS: broken.originals })
    expect(await getQueueResult(batch, ctx)).toMatchObject({
      explicitAcks: [],
      retryMessages: [{ msgId: 'm1' }],
    })
    // Each retry waits twice as long as the one before, five minutes at most.
    const delays: (number | undefined)[] = []
    const attempt = (attempts: number) => ({
      id: `a${attempts}`,
      timestamp: new Date(),
      attempts,
      body: chunk,
      ack: () => delays.push(undefined),
      retry: (options?: QueueRetryOptions) => delays.push(options?.delaySeconds),
    })
    const attempts = [1, 2, 3, 4, 5, 6, 7].map(attempt)
    await worker.queue(
      {
        queue: 'edge-articles-imports',
        messages: attempts,
      } as unknown as MessageBatch<ImportMessage>,
      { ...env, ORIGINALS: broken.originals },
    )
    expect(delays).toEqual([5, 10, 20, 40, 80, 160, 300])

    await h.deliver(chunk)
    const done = await h.job(job.id)
    expect(done).toMatchObject({ status: 'done', created: 3 })
    await expectNothingLost(done)
  })

  it('D1 failing after the first group: the stored group is kept and the rest stored on redelivery', async () => {
    const h = harness()
    const job = await h.start(lines(30, 'D1 flaky'))
    await h.deliver(h.sent.shift()!)
    const chunk = h.sent.shift()!
    // The chunk's first group of 25 commits; the second group's batch fails.
    const broken = importsOf({ ...env, DB: d1FailingAfter(1) })
    await expect(h.deliver(chunk, { ...h.imports, db: broken.db })).rejects.toThrow()
    const midway = await h.job(job.id)
    expect(midway).toMatchObject({ status: 'running', created: 25, done: 25 })
    await h.deliver(chunk)
    const done = await h.job(job.id)
    expect(done).toMatchObject({ status: 'done', total: 30, created: 30 })
    await expectNothingLost(done)
  })

  it('a chunk failing every retry: its items end failed and retryable, where they were; retry stores them', async () => {
    const h = harness()
    const job = await h.start(lines(3, 'Dead letter'))
    await h.deliver(h.sent.shift()!)
    const chunk = h.sent.shift()!
    await deadLetter(h.imports, chunk)
    const ended = await h.job(job.id)
    expect(ended).toMatchObject({ status: 'failed', total: 3, failed: 3 })
    expect(ended.finishedAt).not.toBeNull()
    const failures = await env.DB.prepare(
      'SELECT line, code, retryable FROM import_items WHERE job_id = ? ORDER BY seq',
    )
      .bind(job.id)
      .all()
    expect(failures.results).toEqual(
      [1, 2, 3].map((line) => ({ line, code: 'chunk_failed', retryable: 1 })),
    )

    const retried = await retryImport(h.imports, job.id)
    expect(retried).toMatchObject({ status: 'running', finishedAt: null })
    await h.drive()
    const done = await h.job(job.id)
    expect(done).toMatchObject({ status: 'done', total: 3, created: 3, failed: 0 })
    await expectNothingLost(done)
  })

  it('a dead chunk whose object R2 cannot read still ends, its items failed without their places', async () => {
    const h = harness()
    const job = await h.start(lines(2, 'Unreadable'))
    await h.deliver(h.sent.shift()!)
    const chunk = h.sent.shift()!
    await deadLetter({ ...h.imports, originals: bucketFailing(() => true) }, chunk)
    expect(await h.job(job.id)).toMatchObject({ status: 'failed', total: 2, failed: 2 })
    await retryImport(h.imports, job.id)
    await h.drive()
    await expectNothingLost(await h.job(job.id))
  })

  it('a split failing every retry fails the job with where it stopped; retry reads on from there', async () => {
    const h = harness({ chunkItems: 2, chunksPerSplit: 1 })
    const job = await h.start(lines(5, 'Split dies'))
    await h.deliver(h.sent.shift()!)
    expect(h.sent.map((m) => m.kind)).toEqual(['chunk', 'split'])
    const split = h.sent.pop()!
    await deadLetter(h.imports, split)
    await h.drive()
    const failed = await h.job(job.id)
    expect(failed).toMatchObject({
      status: 'failed',
      split: false,
      total: 2,
      created: 2,
      error: { code: 'split_failed', message: expect.stringMatching(/at byte \d+/) },
    })
    await retryImport(h.imports, job.id)
    await h.drive()
    const done = await h.job(job.id)
    expect(done).toMatchObject({ status: 'done', total: 5, created: 5, error: null })
    await expectNothingLost(done)
  })
})

describe('lost messages and the sweeper', () => {
  it('answers 202 when the queue refuses the first message; the sweeper sends it once the job is quiet', async () => {
    const refusing = { send: () => Promise.reject(new Error('Queue send failed')) }
    const res = await call(
      '/api/imports',
      {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/x-ndjson' },
        body: lines(2, 'Unqueued'),
      },
      { IMPORTS: refusing as unknown as Queue },
    )
    expect(res.status).toBe(202)
    const { id } = JSON.parse(res.body) as ImportJob
    const h = harness()
    const mine = () => h.sent.filter((m) => m.job === id)
    await sweep(h.imports)
    expect(mine()).toEqual([])
    expect(await h.job(id)).toMatchObject({ status: 'queued' })
    const later = Date.now() + h.imports.limits.quietMs + 1000
    await sweep(h.imports, later)
    expect(mine()).toEqual([{ kind: 'split', job: id }])
    // Sent once a quiet spell: the next minute's sweep leaves it be.
    await sweep(h.imports, later + 60_000)
    expect(mine()).toEqual([{ kind: 'split', job: id }])
    h.sent.splice(0, h.sent.length, ...mine())
    await h.drive()
    const done = await h.job(id)
    expect(done).toMatchObject({ status: 'done', created: 2 })
    await expectNothingLost(done)
  })

  it('sends a chunk again whose message was lost', async () => {
    const h = harness({ chunkItems: 2 })
    const job = await h.start(lines(4, 'Lost chunk'))
    await h.deliver(h.sent.shift()!)
    expect(h.sent.map((m) => m.kind)).toEqual(['chunk', 'chunk'])
    h.sent.shift() // lost
    await h.drive()
    expect(await h.job(job.id)).toMatchObject({ status: 'running', done: 2 })
    await sweep(h.imports, Date.now() + h.imports.limits.quietMs + 1000)
    h.sent.splice(0, h.sent.length, ...h.sent.filter((m) => m.job === job.id))
    expect(h.sent).toEqual([{ kind: 'chunk', job: job.id, seq: 0 }])
    await h.drive()
    await expectNothingLost(await h.job(job.id))
    expect(await h.job(job.id)).toMatchObject({ status: 'done', created: 4 })
  })

  it('ends a job stalled for good: its unfinished items failed and retryable; retry finishes it', async () => {
    const h = harness({ chunkItems: 2 })
    const job = await h.start(lines(4, 'Stalled'))
    await h.deliver(h.sent.shift()!)
    await h.deliver(h.sent.shift()!)
    h.sent.length = 0 // the second chunk's message never arrives
    const ended = await sweep(h.imports, Date.now() + h.imports.limits.stallMs + 1000)
    expect(ended.ended).toBeGreaterThanOrEqual(1)
    const stalled = await h.job(job.id)
    expect(stalled).toMatchObject({ status: 'done', total: 4, created: 2, failed: 2 })
    expect(stalled.finishedAt).not.toBeNull()
    const reasons = await env.DB.prepare(
      'SELECT line, code, retryable FROM import_items WHERE job_id = ? AND status = ? ORDER BY seq',
    )
      .bind(job.id, 'failed')
      .all()
    expect(reasons.results).toEqual([
      { line: 3, code: 'stalled', retryable: 1 },
      { line: 4, code: 'stalled', retryable: 1 },
    ])
    await retryImport(h.imports, job.id)
    await h.drive()
    const done = await h.job(job.id)
    expect(done).toMatchObject({ status: 'done', created: 4, failed: 0 })
    await expectNothingLost(done)
  })
})

describe('the queue handler', () => {
  it('acks what it did and hands dead letters to deadLetter', async () => {
    const h = harness()
    const job = await h.start(lines(1, 'Handled'))
    h.sent.length = 0
    const ctx = createExecutionContext()
    const batch = createMessageBatch<ImportMessage>('edge-articles-imports', [
      { id: 'split', timestamp: new Date(), attempts: 1, body: { kind: 'split', job: job.id } },
    ])
    await worker.queue(batch, { ...env, IMPORTS: h.imports.queue as unknown as Queue })
    expect(await getQueueResult(batch, ctx)).toMatchObject({
      explicitAcks: ['split'],
      retryMessages: [],
    })
    const dead = createMessageBatch<ImportMessage>('edge-articles-imports-dlq', [
      { id: 'chunk', timestamp: new Date(), attempts: 6, body: h.sent.shift()! },
    ])
    const ctx2 = createExecutionContext()
    await worker.queue(dead, env)
    expect(await getQueueResult(dead, ctx2)).toMatchObject({ explicitAcks: ['chunk'] })
    expect(await h.job(job.id)).toMatchObject({ status: 'failed', failed: 1 })
  })
})
