import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import type { AppEnv } from '../env'
import { tooLarge } from '../errors'
import { requireScope } from '../http/auth'
import { json, operation } from '../http/operation'
import { jsonBody, validate } from '../http/validation'
import {
  attempts,
  endpoint,
  endpointChange,
  endpoints,
  endpointWithSecret,
  newEndpoint,
  redelivery,
} from '../model/webhooks'
import {
  allEndpoints,
  changeEndpoint,
  createEndpoint,
  deliveryLog,
  oneEndpoint,
  redeliver,
  removeEndpoint,
  rotateSecret,
} from '../webhooks/endpoints'

const MAX_REQUEST = 16 * 1024
const limited = bodyLimit({
  maxSize: MAX_REQUEST,
  onError: () => {
    throw tooLarge(MAX_REQUEST, 'A webhook request')
  },
})
const idParam = z.object({ id: z.string().regex(/^[0-9a-z]{10,40}$/) })
const eventParam = z.object({
  id: z.string().regex(/^[0-9a-z]{10,40}$/),
  eventId: z.string().regex(/^msg_[0-9A-Za-z_.:-]{1,120}$/),
})

const common = { tag: 'Webhooks', auth: 'bearer', scope: 'webhooks' } as const

/**
 * Webhook endpoints (Standard Webhooks): made, listed, changed, deleted, their delivery logs and
 * redeliveries. Every route needs the webhooks scope; a secret is answered once, when it is made.
 */
export const webhooksApi = new Hono<AppEnv>()
  .use(requireScope('webhooks'))
  .post(
    '/',
    operation({
      ...common,
      id: 'createWebhook',
      summary: 'Add an endpoint (its signing secret is answered this once)',
      description:
        'Events: `article.created`, `article.updated`, `article.published`, `article.deleted`, `import.completed`. The URL must be https to a public host (no IP literal in a private, loopback or link-local range, no `localhost` or `.local` name).',
      body: json(newEndpoint),
      responses: {
        201: { description: 'The endpoint, with its secret', content: json(endpointWithSecret) },
      },
      errors: [400, 401, 413, 429, 503],
    }),
    limited,
    jsonBody,
    validate('json', newEndpoint),
    async (c) => {
      const made = await createEndpoint(c.env, c.req.valid('json'))
      return c.json(made, 201, {
        Location: `/api/webhooks/${made.id}`,
        'Cache-Control': 'no-store',
      })
    },
  )
  .get(
    '/',
    operation({
      ...common,
      id: 'listWebhooks',
      summary: 'Every endpoint, newest first, without secrets',
      responses: { 200: { description: 'The endpoints', content: json(endpoints) } },
      errors: [401, 503],
    }),
    async (c) => c.json({ items: await allEndpoints(c.env) }),
  )
  .get(
    '/:id',
    operation({
      ...common,
      id: 'getWebhook',
      summary: 'One endpoint',
      responses: { 200: { description: 'The endpoint', content: json(endpoint) } },
      errors: [401, 404, 503],
    }),
    validate('param', idParam),
    async (c) => c.json(await oneEndpoint(c.env, c.req.valid('param').id)),
  )
  .patch(
    '/:id',
    operation({
      ...common,
      id: 'updateWebhook',
      summary: 'Change an endpoint’s URL or events, or disable or enable it',
      body: json(endpointChange),
      responses: { 200: { description: 'The endpoint', content: json(endpoint) } },
      errors: [400, 401, 404, 413, 429, 503],
    }),
    validate('param', idParam),
    limited,
    jsonBody,
    validate('json', endpointChange),
    async (c) => c.json(await changeEndpoint(c.env, c.req.valid('param').id, c.req.valid('json'))),
  )
  .delete(
    '/:id',
    operation({
      ...common,
      id: 'deleteWebhook',
      summary: 'Delete an endpoint (nothing more is sent to it)',
      responses: { 204: { description: 'Deleted' } },
      errors: [401, 404, 429, 503],
    }),
    validate('param', idParam),
    async (c) => {
      await removeEndpoint(c.env, c.req.valid('param').id)
      return c.body(null, 204)
    },
  )
  .post(
    '/:id/secret',
    operation({
      ...common,
      id: 'rotateWebhookSecret',
      summary: 'Rotate the signing secret (the old one signs too for 24 hours)',
      responses: {
        200: {
          description: 'The endpoint, with its new secret',
          content: json(endpointWithSecret),
        },
      },
      errors: [401, 404, 429, 503],
    }),
    validate('param', idParam),
    async (c) => {
      const rotated = await rotateSecret(c.env, c.req.valid('param').id)
      return c.json(rotated, 200, { 'Cache-Control': 'no-store' })
    },
  )
  .get(
    '/:id/deliveries',
    operation({
      ...common,
      id: 'listWebhookDeliveries',
      summary: 'The endpoint’s delivery log: each try, newest first',
      responses: { 200: { description: 'The last 100 tries', content: json(attempts) } },
      errors: [401, 404, 503],
    }),
    validate('param', idParam),
    async (c) => c.json(await deliveryLog(c.env, c.req.valid('param').id)),
  )
  .post(
    '/:id/deliveries/:eventId/redeliver',
    operation({
      ...common,
      id: 'redeliverWebhook',
      summary: 'Send an event to the endpoint again, through the queue, with its webhook-id',
      responses: { 202: { description: 'Queued', content: json(redelivery) } },
      errors: [401, 404, 409, 429, 503],
    }),
    validate('param', eventParam),
    async (c) => {
      const { id, eventId } = c.req.valid('param')
      return c.json(await redeliver(c.env, id, eventId), 202)
    },
  )
