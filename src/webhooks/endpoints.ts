import { createDb } from '../db/client'
import type { WebhookEndpointRow } from '../db/schema'
import {
  deleteEndpoint,
  getEndpoint,
  getEvent,
  insertEndpoint,
  listAttempts,
  listEndpoints,
  updateEndpoint,
} from '../db/webhooks'
import type { Bindings } from '../env'
import { AppError, notFound } from '../errors'
import { newId } from '../lib/hash'
import type {
  DeliveryMessage,
  Endpoint,
  EndpointChange,
  EventType,
  NewEndpoint,
} from '../model/webhooks'
import { settingsOf } from '../settings'
import { newSecret } from './sign'
import { refusedUrl } from './urls'

/** Webhook endpoints: made, listed, changed, deleted; their delivery logs and redeliveries. */

/** How long a rotated-out secret keeps signing beside the new one. */
const ROTATION_MS = 24 * 60 * 60 * 1000

export const toEndpoint = (row: WebhookEndpointRow): Endpoint => ({
  id: row.id,
  url: row.url,
  events: JSON.parse(row.events) as EventType[],
  enabled: row.enabled,
  disabledReason: row.disabledReason,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
})

function checkUrl(env: Bindings, url: string): void {
  const refused = refusedUrl(url, settingsOf(env).webhookAllowLocal)
  if (refused) {
    throw new AppError(
      400,
      'invalid_url',
      `url: ${refused}; webhooks go to https URLs of public hosts.`,
    )
  }
}

export async function createEndpoint(env: Bindings, input: NewEndpoint) {
  checkUrl(env, input.url)
  const secret = newSecret()
  const row = await insertEndpoint(createDb(env.DB), {
    id: newId(),
    url: input.url,
    events: JSON.stringify([...new Set(input.events)]),
    secret,
  })
  return { ...toEndpoint(row), secret }
}

export const allEndpoints = async (env: Bindings) =>
  (await listEndpoints(createDb(env.DB))).map(toEndpoint)

async function found(env: Bindings, id: string): Promise<WebhookEndpointRow> {
  const row = await getEndpoint(createDb(env.DB), id)
  if (!row) throw notFound('webhook endpoint')
  return row
}

export const oneEndpoint = async (env: Bindings, id: string) => toEndpoint(await found(env, id))

/** Enabling an endpoint clears why it was disabled. */
export async function changeEndpoint(env: Bindings, id: string, change: EndpointChange) {
  if (change.url !== undefined) checkUrl(env, change.url)
  const row = await updateEndpoint(createDb(env.DB), id, {
    ...(change.url !== undefined ? { url: change.url } : {}),
    ...(change.events ? { events: JSON.stringify([...new Set(change.events)]) } : {}),
    ...(change.enabled !== undefined
      ? { enabled: change.enabled, ...(change.enabled ? { disabledReason: null } : {}) }
      : {}),
  })
  if (!row) throw notFound('webhook endpoint')
  return toEndpoint(row)
}

export async function removeEndpoint(env: Bindings, id: string): Promise<void> {
  if (!(await deleteEndpoint(createDb(env.DB), id))) throw notFound('webhook endpoint')
}

/** A new secret; the old one signs beside it (a second `v1,` signature) for 24 hours. */
export async function rotateSecret(env: Bindings, id: string) {
  const current = await found(env, id)
  const secret = newSecret()
  const row = await updateEndpoint(createDb(env.DB), id, {
    secret,
    previousSecret: current.secret,
    previousUntil: new Date(Date.now() + ROTATION_MS).toISOString(),
  })
  if (!row) throw notFound('webhook endpoint')
  return { ...toEndpoint(row), secret }
}

export async function deliveryLog(env: Bindings, id: string) {
  await found(env, id)
  const rows = await listAttempts(createDb(env.DB), id)
  return {
    items: rows.map((r) => ({
      eventId: r.eventId,
      attempt: r.attempt,
      at: r.at,
      outcome: r.outcome as 'delivered' | 'retrying' | 'failed' | 'gone' | 'dead',
      status: r.status,
      latencyMs: r.latencyMs,
      excerpt: r.excerpt,
    })),
  }
}

/** Sends an event to an endpoint again, through the queue, with its webhook-id unchanged. */
export async function redeliver(env: Bindings, endpointId: string, eventId: string) {
  await found(env, endpointId)
  const event = await getEvent(createDb(env.DB), eventId)
  if (!event) throw notFound('event')
  if (!event.payload) {
    throw new AppError(
      409,
      'not_sent_yet',
      'This event has not been sent to any endpoint: it is still pending, or no endpoint wanted it when it was drained.',
    )
  }
  const message: DeliveryMessage = { eventId, endpointId }
  await env.WEBHOOKS.send(message)
  return message
}
