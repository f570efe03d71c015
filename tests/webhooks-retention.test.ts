import { env } from 'cloudflare:test'
import { expect, it } from 'vitest'
import { pruneWebhookLog } from '../src/webhooks/retention'
import { auth, call } from './helpers'

const DAY = 86_400_000
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString()

async function endpoint(): Promise<string> {
  const res = await call('/api/webhooks', {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: 'https://hooks.example.com/kept', events: ['article.created'] }),
  })
  expect(res.status).toBe(201)
  return (JSON.parse(res.body) as { id: string }).id
}

const ids = async (table: string) =>
  (await env.DB.prepare(`SELECT id FROM ${table} ORDER BY id`).all<{ id: string }>()).results.map(
    (r) => r.id,
  )

it('deletes sent events and attempts past the retention, keeps unsent events however old', async () => {
  await env.DB.prepare(
    `INSERT INTO webhook_events (id, type, created_at, dispatched_at) VALUES
       ('msg_old_sent', 'article.created', ?1, ?1),
       ('msg_old_unsent', 'article.created', ?1, NULL),
       ('msg_recent_sent', 'article.created', ?2, ?2)`,
  )
    .bind(daysAgo(31), daysAgo(29))
    .run()
  const hook = await endpoint()
  await env.DB.prepare(
    `INSERT INTO webhook_attempts (id, endpoint_id, event_id, attempt, at, outcome) VALUES
       ('att_old', ?1, 'msg_old_sent', 1, ?2, 'delivered'),
       ('att_recent', ?1, 'msg_recent_sent', 1, ?3, 'delivered')`,
  )
    .bind(hook, daysAgo(31), daysAgo(29))
    .run()

  expect(await pruneWebhookLog(env)).toEqual({ events: 1, attempts: 1 })
  expect(await ids('webhook_events')).toEqual(['msg_old_unsent', 'msg_recent_sent'])
  expect(await ids('webhook_attempts')).toEqual(['att_recent'])
  // Nothing more is due: a second run deletes nothing.
  expect(await pruneWebhookLog(env)).toEqual({ events: 0, attempts: 0 })

  // A deleted endpoint takes its delivery log with it.
  expect((await call(`/api/webhooks/${hook}`, { method: 'DELETE', headers: auth })).status).toBe(
    204,
  )
  expect(await ids('webhook_attempts')).toEqual([])
})
