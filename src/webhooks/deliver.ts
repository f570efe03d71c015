import { createDb, type Db } from '../db/client'
import { disableGone, getEndpoint, getEvent, recordAttempt } from '../db/webhooks'
import type { Bindings } from '../env'
import { newId } from '../lib/hash'
import type { DeliveryMessage } from '../model/webhooks'
import { settingsOf } from '../settings'
import { sign } from './sign'
import { refusedUrl } from './urls'

/**
 * The webhook queue's consumer: one message is one event for one endpoint, sent with the
 * event's id as `webhook-id` on every try. 2xx: delivered. 410: the endpoint is disabled. A
 * network error, 429 or 5xx: retried after `Retry-After` when the answer has one, else with
 * exponential back-off and jitter; after the last try the queue moves the message to the
 * dead-letter queue (handleDeadDeliveries). Any other answer (4xx, a redirect, which is never
 * followed) fails the delivery without a retry. Every try is in the endpoint's delivery log.
 */

const TIMEOUT_MS = 15_000
/** Cloudflare Queues delay a retry by at most 12 hours. */
const MAX_DELAY_SECONDS = 12 * 60 * 60
const MAX_BACKOFF_SECONDS = 60 * 60

/**
 * The wait before try `attempt + 1`: base·2^(attempt−1) capped at an hour, of which a random
 * half is taken off ("equal jitter"), so endpoints that failed together are not retried together.
 */
export function backoffSeconds(attempt: number, base: number, random = Math.random()): number {
  const full = Math.min(MAX_BACKOFF_SECONDS, base * 2 ** (attempt - 1))
  return Math.max(1, Math.round(full / 2 + (random * full) / 2))
}

/** Retry-After as seconds (a number or an HTTP date), within what a queue can delay. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null
  const seconds = /^\d+$/.test(header.trim())
    ? Number(header.trim())
    : Math.ceil((Date.parse(header) - now) / 1000)
  if (!Number.isFinite(seconds)) return null
  return Math.min(MAX_DELAY_SECONDS, Math.max(1, seconds))
}

type Fetcher = (input: string, init: RequestInit) => Promise<Response>

async function deliverOne(
  env: Bindings,
  db: Db,
  message: Message<DeliveryMessage>,
  send: Fetcher,
): Promise<void> {
  const { eventId, endpointId } = message.body
  const [event, endpoint] = await Promise.all([getEvent(db, eventId), getEndpoint(db, endpointId)])
  // Deleted or disabled since: nothing to send.
  if (!event?.payload || !endpoint?.enabled) return message.ack()
  const settings = settingsOf(env)
  const log = (row: {
    outcome: string
    status?: number | null
    latencyMs?: number | null
    excerpt?: string | null
  }) => recordAttempt(db, { id: newId(), endpointId, eventId, attempt: message.attempts, ...row })
  const refused = refusedUrl(endpoint.url, settings.webhookAllowLocal)
  if (refused) {
    await log({ outcome: 'failed', excerpt: `not sent: ${refused}` })
    return message.ack()
  }
  const timestamp = Math.floor(Date.now() / 1000)
  const secrets = [endpoint.secret]
  if (
    endpoint.previousSecret &&
    endpoint.previousUntil &&
    Date.parse(endpoint.previousUntil) > Date.now()
  )
    secrets.push(endpoint.previousSecret)
  const signatures = await Promise.all(
    secrets.map((s) => sign(s, event.id, timestamp, event.payload!)),
  )
  const started = Date.now()
  let status: number | null = null
  let excerpt: string
  let retryAfter: number | null = null
  try {
    const res = await send(endpoint.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'edge-articles-webhooks/1',
        'webhook-id': event.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatures.join(' '),
      },
      body: event.payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    status = res.status
    retryAfter = retryAfterSeconds(res.headers.get('Retry-After'))
    excerpt = (await res.text()).slice(0, 200)
  } catch (error) {
    excerpt = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(
      0,
      200,
    )
  }
  const latencyMs = Date.now() - started
  if (status !== null && status >= 200 && status < 300) {
    await log({ outcome: 'delivered', status, latencyMs, excerpt })
    return message.ack()
  }
  if (status === 410) {
    await Promise.all([
      log({ outcome: 'gone', status, latencyMs, excerpt }),
      disableGone(db, endpointId),
    ])
    return message.ack()
  }
  if (status === null || status === 429 || status >= 500) {
    await log({ outcome: 'retrying', status, latencyMs, excerpt })
    const delaySeconds =
      retryAfter ?? backoffSeconds(message.attempts, settings.webhookRetryBaseSeconds)
    return message.retry({ delaySeconds })
  }
  await log({ outcome: 'failed', status, latencyMs, excerpt })
  message.ack()
}

/**
 * Deliveries go through `fetch`, or through the WEBHOOK_FETCHER service binding when one is
 * bound (the tests bind a receiver there; nothing deployed does).
 */
export async function handleDeliveries(
  batch: MessageBatch<DeliveryMessage>,
  env: Bindings,
): Promise<void> {
  const db = createDb(env.DB)
  const fetcher = env.WEBHOOK_FETCHER
  const send: Fetcher = fetcher
    ? (url, init) => fetcher.fetch(url, init)
    : (url, init) => fetch(url, init)
  await Promise.all(
    batch.messages.map((message) =>
      deliverOne(env, db, message, send).catch((error: unknown) => {
        console.error('webhook delivery failed to run; retried:', error)
        message.retry({
          delaySeconds: backoffSeconds(message.attempts, settingsOf(env).webhookRetryBaseSeconds),
        })
      }),
    ),
  )
}

/** Deliveries that failed every try: each is logged as dead, and acknowledged. */
export async function handleDeadDeliveries(
  batch: MessageBatch<DeliveryMessage>,
  env: Bindings,
): Promise<void> {
  const db = createDb(env.DB)
  for (const message of batch.messages) {
    await recordAttempt(db, {
      id: newId(),
      endpointId: message.body.endpointId,
      eventId: message.body.eventId,
      attempt: message.attempts,
      outcome: 'dead',
      excerpt: 'every try failed; POST …/redeliver sends it again',
    })
    message.ack()
  }
}
