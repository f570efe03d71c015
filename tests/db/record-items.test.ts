import { env } from 'cloudflare:test'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createDb } from '../../src/db/client'
import { recordItems, type ItemRecord } from '../../src/db/imports'
import { importItems, importJobs } from '../../src/db/schema'

// Items' outcomes merged into multi-row inserts keep recordItem's rule: a later outcome replaces
// only a failure.

const db = createDb(env.DB)
const JOB = 'job-record-items-test'

const failed = (seq: number): ItemRecord => ({
  jobId: JOB,
  seq,
  ref: { file: `posts/${seq}.md` },
  status: 'failed',
  code: 'conflict',
  message: 'Another write to this article won the race; retry.',
  retryable: true,
})
const created = (seq: number): ItemRecord => ({
  jobId: JOB,
  seq,
  ref: { line: seq + 1 },
  status: 'created',
  articleId: `article-${seq}`,
  revision: 1,
})

describe('recordItems', () => {
  it('records 40 items in a few statements, a later outcome replacing only failures', async () => {
    await db.insert(importJobs).values({
      id: JOB,
      status: 'running',
      format: 'ndjson',
      contentType: 'application/x-ndjson',
      archiveKey: `imports/${JOB}/archive`,
      bytes: 10,
      sha256: '0'.repeat(64),
    })
    const seqs = Array.from({ length: 40 }, (_, i) => i)
    const first = recordItems(
      db,
      seqs.map((seq) => (seq % 2 ? created(seq) : failed(seq))),
    )
    expect(first.length).toBeLessThan(10)
    await db.batch(first as [(typeof first)[0]])
    const again = recordItems(
      db,
      seqs.map((seq) => ({ ...created(seq), articleId: `again-${seq}`, revision: 2 })),
    )
    await db.batch(again as [(typeof again)[0]])
    const rows = await db
      .select()
      .from(importItems)
      .where(eq(importItems.jobId, JOB))
      .orderBy(importItems.seq)
      .all()
    expect(rows).toEqual(
      seqs.map((seq) => ({
        jobId: JOB,
        seq,
        status: 'created',
        line: seq % 2 ? seq + 1 : null,
        file: seq % 2 ? null : `posts/${seq}.md`,
        guid: null,
        byteOffset: null,
        articleId: seq % 2 ? `article-${seq}` : `again-${seq}`,
        revision: seq % 2 ? 1 : 2,
        code: null,
        message: null,
        retryable: false,
      })),
    )
  })
})
