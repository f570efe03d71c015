import { env } from 'cloudflare:test'
import { beforeEach, expect, it } from 'vitest'
import { drainOutbox } from '../src/webhooks/outbox'
import { auth, call } from './helpers'

const events = async () =>
  (
    await env.DB.prepare(
      'SELECT id, claimed_at, dispatched_at FROM webhook_events ORDER BY id',
    ).all<{ id: string; claimed_at: string | null; dispatched_at: string | null }>()
  ).results

/** `count` events no drain has taken, of one type. */
async function outboxOf(count: number, type: string) {
  await env.DB.prepare('DELETE FROM webhook_events').run()
  const at = new Date().toISOString()
  await env.DB.batch(
    Array.from({ length: count }, (_, i) =>
      env.DB.prepare('INSERT INTO webhook_events (id, type, created_at) VALUES (?, ?, ?)').bind(
        `msg_drain_${String(i).padStart(3, '0')}`,
        type,
        at,
      ),
    ),
  )
}

beforeEach(async () => {
  await env.DB.prepare('DELETE FROM webhook_endpoints').run()
})

it('with no endpoint, marks every event sent as it takes it, over as many rounds as needed', async () => {
  await outboxOf(120, 'article.created')
  expect(await drainOutbox(env)).toBe(120)
  const rows = await events()
  expect(rows).toHaveLength(120)
  for (const row of rows) {
    expect(row.dispatched_at).not.toBeNull()
    expect(row.dispatched_at).toBe(row.claimed_at)
  }
  expect(await drainOutbox(env)).toBe(0)
})

it('with endpoints that want none of them, marks the events sent after taking them', async () => {
  const res = await call('/api/webhooks', {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: 'https://hooks.example.com/other', events: ['article.deleted'] }),
  })
  expect(res.status).toBe(201)
  await outboxOf(3, 'article.created')
  expect(await drainOutbox(env)).toBe(3)
  const rows = await events()
  expect(rows.map((r) => r.id)).toEqual(['msg_drain_000', 'msg_drain_001', 'msg_drain_002'])
  for (const row of rows) {
    expect(row.claimed_at).not.toBeNull()
    expect(row.dispatched_at).not.toBeNull()
  }
})
