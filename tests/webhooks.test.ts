import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import worker from '../src/index'
import type { DeliveryMessage } from '../src/model/webhooks'
import { backoffSeconds, retryAfterSeconds } from '../src/webhooks/deliver'
import { drainOutbox } from '../src/webhooks/outbox'
import { auth, call, writesSomething } from './helpers'
import type { Received } from './webhooks/receiver'

const HOOKS = 'https://hooks.example.com'

/** Adds an endpoint at HOOKS + path and tells the receiver its secret. */
async function endpointAt(
  path: string,
  events = ['article.created', 'article.updated', 'article.deleted'],
) {
  const res = await call('/api/webhooks', {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: `${HOOKS}${path}`, events }),
  })
  expect(res.status).toBe(201)
  const made = JSON.parse(res.body) as { id: string; secret: string }
  await tellSecret(path, made.secret)
  return made
}

const tellSecret = (path: string, secret: string) =>
  env.WEBHOOK_FETCHER!.fetch('http://receiver.control/secret', {
    method: 'POST',
    body: JSON.stringify({ path, secret }),
  })

const receivedAt = async (path: string) =>
  (await (
    await env.WEBHOOK_FETCHER!.fetch(`http://receiver.control/log?path=${encodeURIComponent(path)}`)
  ).json()) as Received[]

/**
 * What the receiver got at `path` that `which` picks, once there are at least `count` of them
 * (20 s at most): a drain may send another test's pending events to an endpoint first.
 */
async function deliveries(
  path: string,
  count: number,
  which: (d: Received) => boolean = () => true,
): Promise<Received[]> {
  for (let waited = 0; ; waited += 100) {
    const got = (await receivedAt(path)).filter(which)
    if (got.length >= count || waited > 20_000) return got
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const uploadJson = (article: object, bindings: Partial<Cloudflare.Env> = {}) =>
  call(
    '/api/articles',
    {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(article),
    },
    bindings,
  )

/** The outbox's rows for an article (whether sent yet: a drain elsewhere may have sent them). */
const outbox = (articleId: string) =>
  env.DB.prepare('SELECT id, type FROM webhook_events WHERE article_id = ? ORDER BY id')
    .bind(articleId)
    .all<{ id: string; type: string }>()

describe('webhooks, verified by a receiver using the standardwebhooks package', () => {
  it('sends article.created, .updated and .deleted, signed, with the summary and its URL', async () => {
    const path = '/ok/lifecycle'
    await endpointAt(path)
    const created = await uploadJson({
      title: 'HOOKS: Council signs the harbour deal',
      body: ['The council signed on Tuesday.'],
      authors: ['Ana Ruiz'],
      sourceUrl: 'https://example.com/harbour-deal',
    })
    expect(created.status).toBe(201)
    const { id, slug } = JSON.parse(created.body) as { id: string; slug: string }
    const [first] = await deliveries(path, 1, (d) => d.id === `msg_${id}_r1`)
    expect(first).toMatchObject({ verified: true, error: null })
    expect(first!.payload).toEqual({
      type: 'article.created',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown as string,
      data: {
        id,
        slug,
        url: `http://example.test/articles/${slug}`,
        status: 'published',
        publishAt: null,
        title: 'HOOKS: Council signs the harbour deal',
        headline: 'Council signs the harbour deal',
        kicker: 'HOOKS',
        authors: [{ name: 'Ana Ruiz', slug: 'ana-ruiz' }],
        summary: 'The council signed on Tuesday.',
        publishedAt: null,
        updatedAt: expect.any(String) as unknown as string,
        revision: 1,
      },
    })
    expect(first!.signature).toMatch(/^v1,[A-Za-z0-9+/]+=*$/)

    const updated = await uploadJson({
      title: 'HOOKS: Council signs the harbour deal',
      body: ['The council signed on Tuesday, 7 to 2.'],
      authors: ['Ana Ruiz'],
      sourceUrl: 'https://example.com/harbour-deal',
    })
    expect(updated.status).toBe(200)
    expect((await call(`/api/articles/${slug}`, { method: 'DELETE', headers: auth })).status).toBe(
      204,
    )
    const all = await deliveries(path, 3)
    const mine = all.filter((d) => d.id.startsWith(`msg_${id}_`))
    expect(mine.map((d) => [d.id, d.payload.type, d.verified])).toEqual([
      [`msg_${id}_r1`, 'article.created', true],
      [`msg_${id}_r2`, 'article.updated', true],
      [`msg_${id}_r2_deleted`, 'article.deleted', true],
    ])
    expect(mine[2]!.payload.data).toEqual({
      id,
      slug,
      url: `http://example.test/articles/${slug}`,
      revision: 2,
    })
  })

  it('retries after a 500 with the same webhook-id, after its back-off, and logs both tries', async () => {
    const path = '/fail-once/retry'
    const hook = await endpointAt(path)
    const created = await uploadJson({ title: 'Retry: first try fails', body: ['Text.'] })
    const { id } = JSON.parse(created.body) as { id: string }
    const got = await deliveries(path, 2, (d) => d.id === `msg_${id}_r1`)
    expect(got).toHaveLength(2)
    expect(got.every((d) => d.verified)).toBe(true)
    // The first retry waits base/2 to base seconds (WEBHOOK_RETRY_BASE_SECONDS is 1 in the tests).
    expect(got[1]!.at - got[0]!.at).toBeGreaterThanOrEqual(450)
    const log = JSON.parse(
      (await call(`/api/webhooks/${hook.id}/deliveries`, { headers: auth })).body,
    ) as {
      items: { eventId: string; attempt: number; outcome: string; status: number }[]
    }
    expect(
      log.items
        .filter((i) => i.eventId === `msg_${id}_r1`)
        .map((i) => [i.attempt, i.outcome, i.status]),
    ).toEqual([
      [2, 'delivered', 200],
      [1, 'retrying', 500],
    ])
  })

  it('honours Retry-After on a 429', async () => {
    const path = '/busy/later'
    await endpointAt(path)
    const { id } = JSON.parse(
      (await uploadJson({ title: 'Busy: wait as told', body: ['Text.'] })).body,
    ) as { id: string }
    const got = await deliveries(path, 2, (d) => d.id === `msg_${id}_r1`)
    expect(got).toHaveLength(2)
    expect(got[1]!.at - got[0]!.at).toBeGreaterThanOrEqual(1900)
  })

  it('disables an endpoint that answers 410 and sends it nothing more', async () => {
    const path = '/gone/away'
    const hook = await endpointAt(path)
    await uploadJson({ title: 'Gone: first event', body: ['Text.'] })
    await deliveries(path, 1)
    const after = JSON.parse(
      (await call(`/api/webhooks/${hook.id}`, { headers: auth })).body,
    ) as object
    expect(after).toMatchObject({ enabled: false, disabledReason: 'gone' })
    await uploadJson({ title: 'Gone: second event', body: ['Text.'] })
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(await receivedAt(path)).toHaveLength(1)
  })

  it('writes the event in the batch of the change: a write that rolls back reports nothing', async () => {
    const failing = new Proxy(env.DB, {
      get(target, prop) {
        if (prop === 'batch')
          return (statements: D1PreparedStatement[]) =>
            writesSomething(statements)
              ? Promise.reject(new Error('D1_ERROR: Network connection lost.'))
              : target.batch(statements)
        if (prop === 'withSession')
          return () => {
            const session = target.withSession('first-primary')
            return new Proxy(session, {
              get(s, p) {
                if (p === 'batch')
                  return (statements: D1PreparedStatement[]) =>
                    writesSomething(statements)
                      ? Promise.reject(new Error('D1_ERROR: Network connection lost.'))
                      : s.batch(statements)
                const value = Reflect.get(s, p) as unknown
                return typeof value === 'function' ? value.bind(s) : value
              },
            })
          }
        const value = Reflect.get(target, prop) as unknown
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const count = async () =>
      (await env.DB.prepare('SELECT count(*) AS n FROM webhook_events').first<{ n: number }>())!.n
    const before = await count()
    const refused = await uploadJson(
      { title: 'Rolled back: never stored', body: ['Text.'] },
      { DB: failing },
    )
    expect(refused.status).toBe(503)
    expect(await count()).toBe(before)
    // With no queue at all (no drain), a stored change's event is in the outbox.
    const stored = await uploadJson(
      { title: 'Outbox: kept until sent', body: ['Text.'] },
      {
        WEBHOOKS: undefined as unknown as Queue,
      },
    )
    const { id } = JSON.parse(stored.body) as { id: string }
    expect((await outbox(id)).results).toEqual([
      { id: `msg_${id}_r1`, type: 'article.created' },
      { id: `msg_${id}_r1_published`, type: 'article.published' },
    ])
  })

  it('keeps the event when the queue refuses it, and the next drain sends it: the write still succeeds', async () => {
    const path = '/ok/queue-down'
    await endpointAt(path)
    const refusing = {
      send: () => Promise.reject(new Error('Queue send failed')),
      sendBatch: () => Promise.reject(new Error('Queue send failed')),
    } as unknown as Queue
    const res = await uploadJson(
      { title: 'Queue down: still stored', body: ['Text.'] },
      { WEBHOOKS: refusing },
    )
    expect(res.status).toBe(201)
    const { id } = JSON.parse(res.body) as { id: string }
    expect((await outbox(id)).results).toEqual([
      { id: `msg_${id}_r1`, type: 'article.created' },
      { id: `msg_${id}_r1_published`, type: 'article.published' },
    ])
    // The cron's drain (or the next write's) sends it.
    await drainOutbox(env)
    const got = await deliveries(path, 1, (d) => d.id === `msg_${id}_r1`)
    expect(got).toHaveLength(1)
    expect(got[0]!.verified).toBe(true)
  })

  it('sends import.completed when an import job ends, with its counts', async () => {
    const path = '/ok/imports'
    await endpointAt(path, ['import.completed'])
    const line = JSON.stringify({ title: 'Imported: one line', body: ['Text.'] })
    const res = await call('/api/imports', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/x-ndjson' },
      body: `${line}\n`,
    })
    expect(res.status).toBe(202)
    const { id } = JSON.parse(res.body) as { id: string }
    const got = await deliveries(path, 1, (d) => d.payload.data.id === id)
    expect(got).toHaveLength(1)
    expect(got[0]!.verified).toBe(true)
    expect(got[0]!.payload).toMatchObject({
      type: 'import.completed',
      data: {
        id,
        status: 'done',
        total: 1,
        created: 1,
        failed: 0,
        url: `http://example.test/api/imports/${id}`,
      },
    })
  })

  it('redelivers an event on request, with its webhook-id', async () => {
    const path = '/ok/redeliver'
    const hook = await endpointAt(path)
    const { id } = JSON.parse(
      (await uploadJson({ title: 'Redeliver: twice', body: ['Text.'] })).body,
    ) as { id: string }
    await deliveries(path, 1)
    const again = await call(`/api/webhooks/${hook.id}/deliveries/msg_${id}_r1/redeliver`, {
      method: 'POST',
      headers: auth,
    })
    expect([again.status, JSON.parse(again.body)]).toEqual([
      202,
      { eventId: `msg_${id}_r1`, endpointId: hook.id },
    ])
    const got = await deliveries(path, 2, (d) => d.id === `msg_${id}_r1`)
    expect(got).toHaveLength(2)
    expect(got[1]!.payload).toEqual(got[0]!.payload)
    const missing = await call(`/api/webhooks/${hook.id}/deliveries/msg_nope_r1/redeliver`, {
      method: 'POST',
      headers: auth,
    })
    expect(missing.status).toBe(404)
  })

  it('signs with the old and the new secret while a secret is rotated', async () => {
    const path = '/ok/rotation'
    const hook = await endpointAt(path)
    const rotated = await call(`/api/webhooks/${hook.id}/secret`, { method: 'POST', headers: auth })
    const { secret } = JSON.parse(rotated.body) as { secret: string }
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(secret).not.toBe(hook.secret)
    await tellSecret(path, secret)
    const { id } = JSON.parse(
      (await uploadJson({ title: 'Rotation: two signatures', body: ['Text.'] })).body,
    ) as { id: string }
    const [got] = await deliveries(path, 1, (d) => d.id === `msg_${id}_r1`)
    expect(got!.verified).toBe(true)
    expect(got!.signature.split(' ')).toHaveLength(2)
    // The old secret verifies it too (the receiver told the old one).
    await tellSecret(path, hook.secret)
    await call(`/api/webhooks/${hook.id}/deliveries/msg_${id}_r1/redeliver`, {
      method: 'POST',
      headers: auth,
    })
    const again = await deliveries(path, 2, (d) => d.id === `msg_${id}_r1`)
    expect(again.map((d) => d.verified)).toEqual([true, true])
  })
})

describe('the webhooks API', () => {
  it('answers a secret once, lists endpoints without it, changes and deletes them', async () => {
    const made = await call('/api/webhooks', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: `${HOOKS}/ok/api`, events: ['article.created'] }),
    })
    expect(made.status).toBe(201)
    const hook = JSON.parse(made.body) as { id: string; secret: string }
    expect(hook.secret).toMatch(/^whsec_/)
    const listed = await call('/api/webhooks', { headers: auth })
    expect(listed.body).not.toContain(hook.secret)
    const patched = await call(`/api/webhooks/${hook.id}`, {
      method: 'PATCH',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ enabled: false, events: ['article.deleted'] }),
    })
    expect(JSON.parse(patched.body)).toMatchObject({ enabled: false, events: ['article.deleted'] })
    expect(
      (await call(`/api/webhooks/${hook.id}`, { method: 'DELETE', headers: auth })).status,
    ).toBe(204)
    expect((await call(`/api/webhooks/${hook.id}`, { headers: auth })).status).toBe(404)
  })

  it('refuses URLs that are not https to a public host; 127.0.0.1 only where the setting allows', async () => {
    const create = (url: string, bindings: Partial<Cloudflare.Env> = {}) =>
      call(
        '/api/webhooks',
        {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ url, events: ['article.created'] }),
        },
        bindings,
      )
    const off = { WEBHOOK_ALLOW_LOCAL: 'false' }
    const refused = await create('http://127.0.0.1:8788/hook', off)
    expect([refused.status, JSON.parse(refused.body).error.code]).toEqual([400, 'invalid_url'])
    expect((await create('https://10.1.2.3/hook', off)).status).toBe(400)
    expect((await create('http://127.0.0.1:8788/hook')).status).toBe(201)
    expect((await create('http://10.1.2.3/hook')).status).toBe(400)
    expect((await create('https://hooks.example.org/in', off)).status).toBe(201)
  })
})

describe('the delivery queue', () => {
  it('backs off exponentially with jitter, capped at an hour, and reads Retry-After', () => {
    expect(
      [1, 2, 3, 8, 20].map((n) => [backoffSeconds(n, 30, 0), backoffSeconds(n, 30, 1)]),
    ).toEqual([
      [15, 30],
      [30, 60],
      [60, 120],
      [1800, 3600],
      [1800, 3600],
    ])
    expect(retryAfterSeconds('120')).toBe(120)
    expect(
      retryAfterSeconds(
        new Date(Date.parse('2030-01-01T00:00:30Z')).toUTCString(),
        Date.parse('2030-01-01T00:00:00Z'),
      ),
    ).toBe(30)
    expect(retryAfterSeconds('999999')).toBe(43_200)
    expect(retryAfterSeconds('soon')).toBeNull()
  })

  it('logs a delivery that failed every try as dead, from the dead-letter queue', async () => {
    const hook = await endpointAt('/always-500/dead')
    const batch = createMessageBatch<DeliveryMessage>('edge-articles-webhooks-dlq', [
      {
        id: 'd1',
        timestamp: new Date(),
        attempts: 9,
        body: { eventId: 'msg_x_r1', endpointId: hook.id },
      },
    ])
    const ctx = createExecutionContext()
    await worker.queue(batch, env)
    expect(await getQueueResult(batch, ctx)).toMatchObject({ explicitAcks: ['d1'] })
    const log = JSON.parse(
      (await call(`/api/webhooks/${hook.id}/deliveries`, { headers: auth })).body,
    ) as {
      items: { eventId: string; outcome: string }[]
    }
    expect(log.items).toEqual([expect.objectContaining({ eventId: 'msg_x_r1', outcome: 'dead' })])
  })
})
