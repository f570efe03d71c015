import { env } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createDb } from '../../src/db/client'
import { recordItem } from '../../src/db/imports'
import { insertRows, SqlValue } from '../../src/db/rows'
import { importItems, importJobs, tags } from '../../src/db/schema'

const db = createDb(env.DB)
const JOB = 'job-rows-test'

const job = {
  id: JOB,
  status: 'running' as const,
  format: 'ndjson' as const,
  contentType: 'application/x-ndjson',
  archiveKey: `imports/${JOB}/archive`,
  bytes: 10,
  sha256: '0'.repeat(64),
}
const item = (seq: number, status: 'created' | 'failed', retryable: boolean) => ({
  jobId: JOB,
  seq,
  status,
  line: seq + 1,
  file: null,
  guid: null,
  byteOffset: null,
  articleId: null,
  revision: null,
  code: status === 'failed' ? 'conflict' : null,
  message: status === 'failed' ? 'Another write won the race; retry.' : null,
  retryable,
})
const rowsOf = () =>
  db.select().from(importItems).where(eq(importItems.jobId, JOB)).orderBy(importItems.seq).all()

describe('insertRows, the insert built without the query builder', () => {
  beforeEach(async () => {
    await db.delete(importItems).where(eq(importItems.jobId, JOB))
    await db.delete(importJobs).where(eq(importJobs.id, JOB))
    await db.insert(importJobs).values(job)
  })

  it('stores exactly the rows drizzle’s own insert stores: encoders, booleans, SQL defaults', async () => {
    await db.batch([
      db.insert(importItems).values([item(0, 'failed', true), item(1, 'created', false)]),
    ])
    const byDrizzle = await rowsOf()
    await db.delete(importItems).where(eq(importItems.jobId, JOB))
    await db.batch([
      insertRows(db, importItems, [item(0, 'failed', true), item(1, 'created', false)]),
    ])
    const byRows = await rowsOf()
    expect(byRows).toEqual(byDrizzle)
    expect(byRows.map((r) => [r.seq, r.status, r.retryable])).toEqual([
      [0, 'failed', true],
      [1, 'created', false],
    ])
    // Columns a row leaves out take their SQL default, as with drizzle's insert.
    const other = `${JOB}-2`
    await db.delete(importJobs).where(eq(importJobs.id, other))
    await db.batch([insertRows(db, importJobs, [{ ...job, id: other }])])
    const [mine, theirs] = await Promise.all(
      [other, JOB].map((id) => db.select().from(importJobs).where(eq(importJobs.id, id)).get()),
    )
    const comparable = (row: typeof mine) => ({ ...row, id: '', createdAt: '', updatedAt: '' })
    expect(comparable(mine)).toEqual(comparable(theirs))
    expect(mine).toMatchObject({ total: 0, split: false, splitAt: 0 })
    expect(mine!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    await db.delete(importJobs).where(eq(importJobs.id, other))
  })

  it('upserts as an item record does: a failure is replaced, a success never', async () => {
    await db.batch([
      recordItem(db, {
        jobId: JOB,
        seq: 0,
        ref: { line: 1 },
        status: 'failed',
        code: 'conflict',
        message: 'race',
        retryable: true,
      }),
      recordItem(db, {
        jobId: JOB,
        seq: 1,
        ref: { line: 2 },
        status: 'created',
        articleId: 'a1',
        revision: 1,
      }),
    ])
    await db.batch([
      recordItem(db, {
        jobId: JOB,
        seq: 0,
        ref: { line: 1 },
        status: 'created',
        articleId: 'a0',
        revision: 2,
      }),
      recordItem(db, {
        jobId: JOB,
        seq: 1,
        ref: { line: 2 },
        status: 'unchanged',
        articleId: 'a1',
        revision: 1,
      }),
    ])
    const rows = await rowsOf()
    expect(
      rows.map((r) => [r.seq, r.status, r.articleId, r.revision, r.code, r.retryable]),
    ).toEqual([
      [0, 'created', 'a0', 2, null, false],
      [1, 'created', 'a1', 1, null, false],
    ])
  })

  it('takes a cell as SQL with its own parameters, and does nothing on a taken key when asked', async () => {
    const name = 'Rows test tag'
    const slug = new SqlValue(`lower(replace(?, ' ', '-'))`, [name])
    await db.batch([insertRows(db, tags, [{ slug, name }])])
    await db.batch([
      insertRows(db, tags, [{ slug: 'rows-test-tag', name: 'Another name' }], { nothing: true }),
    ])
    expect(await db.select().from(tags).where(eq(tags.slug, 'rows-test-tag')).all()).toEqual([
      { slug: 'rows-test-tag', name },
    ])
  })

  it('says its SQL and parameters as drizzle queries do (the bench loader reads them)', () => {
    const statement = insertRows(db, tags, [{ slug: 'a', name: 'A' }], {
      nothing: true,
    }) as never as {
      toSQL(): { sql: string; params: unknown[] }
    }
    expect(statement.toSQL()).toEqual({
      sql: 'insert into "tags" ("slug", "name") values (?, ?) on conflict do nothing',
      params: ['a', 'A'],
    })
  })

  it('refuses rows that do not share their columns, and a column the table lacks', () => {
    expect(() => insertRows(db, tags, [{ slug: 'a', name: 'A' }, { slug: 'b' } as never])).toThrow(
      'a row of tags lacks name',
    )
    expect(() => insertRows(db, tags, [{ slug: 'a', name: 'A', colour: 'red' } as never])).toThrow(
      'tags has no column colour',
    )
  })
})
