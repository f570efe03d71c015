/** Webhooks: the events, and the shapes the webhooks API takes and answers. */
import { z } from 'zod'

export const EVENT_TYPES = [
  'article.created',
  'article.updated',
  'article.deleted',
  'article.published',
  'import.completed',
] as const
export type EventType = (typeof EVENT_TYPES)[number]

const iso = z.string().describe('ISO 8601')
const events = z.array(z.enum(EVENT_TYPES)).min(1).max(EVENT_TYPES.length)
const url = z.string().min(1).max(2048).describe('https; no private, loopback or link-local host')

export const newEndpoint = z.strictObject({ url, events })
export type NewEndpoint = z.infer<typeof newEndpoint>

export const endpointChange = z
  .strictObject({
    url: url.optional(),
    events: events.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((change) => Object.keys(change).length > 0, 'give url, events or enabled')
export type EndpointChange = z.infer<typeof endpointChange>

export const endpoint = z.strictObject({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(EVENT_TYPES)),
  enabled: z.boolean(),
  disabledReason: z.string().nullable().describe('"gone" when the endpoint answered 410'),
  createdAt: iso,
  updatedAt: iso,
})
export type Endpoint = z.infer<typeof endpoint>

export const endpointWithSecret = z.strictObject({
  ...endpoint.shape,
  secret: z.string().describe('whsec_…: shown this once'),
})

export const endpoints = z.strictObject({ items: z.array(endpoint) })

export const ATTEMPT_OUTCOMES = ['delivered', 'retrying', 'failed', 'gone', 'dead'] as const

export const attempt = z.strictObject({
  eventId: z.string().describe('The webhook-id'),
  attempt: z.number().int(),
  at: iso,
  outcome: z.enum(ATTEMPT_OUTCOMES),
  status: z.number().int().nullable().describe('The HTTP status; null for a network error'),
  latencyMs: z.number().int().nullable(),
  excerpt: z.string().nullable().describe('The first 200 characters of the answer, or the error'),
})
export const attempts = z.strictObject({ items: z.array(attempt).describe('Newest first, 100') })

export const redelivery = z.strictObject({ eventId: z.string(), endpointId: z.string() })

/** One queue message: deliver this event to this endpoint. */
export interface DeliveryMessage {
  eventId: string
  endpointId: string
}
