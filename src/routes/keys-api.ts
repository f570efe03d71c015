import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import type { AppEnv } from '../env'
import { AppError, notFound, tooLarge } from '../errors'
import { requireScope } from '../http/auth'
import { json, operation } from '../http/operation'
import { jsonBody, validate } from '../http/validation'
import { allKeys, createKey, revokeKey } from '../keys/keys'
import { apiKeys, createdKey, newKey } from '../model/keys'

/** A key request is a name and a few scopes: 16 KiB is far more than one needs. */
const MAX_KEY_REQUEST = 16 * 1024

const idParam = z.object({ id: z.string().regex(/^[0-9a-z]{10,40}$/) })

/**
 * API keys: made, listed and revoked by an admin (the INGEST_TOKEN or a key with the admin
 * scope). A key's secret is answered once, when it is made.
 */
export const keysApi = new Hono<AppEnv>()
  .use(requireScope('admin'))
  .post(
    '/',
    operation({
      id: 'createKey',
      summary: 'Make an API key (its secret is answered this once)',
      description:
        'Scopes: `articles:write` (uploads, edits, deletes, the form), `imports`, `webhooks`, `admin` (everything, keys included). A key is refused from `expiresAt` on. Keep two keys while rotating: make the new one, move clients to it, then revoke the old.',
      tag: 'Keys',
      auth: 'bearer',
      scope: 'admin',
      body: json(newKey),
      responses: { 201: { description: 'The key, with its secret', content: json(createdKey) } },
      errors: [400, 401, 413, 429, 503],
    }),
    bodyLimit({
      maxSize: MAX_KEY_REQUEST,
      onError: () => {
        throw tooLarge(MAX_KEY_REQUEST, 'A key request')
      },
    }),
    jsonBody,
    validate('json', newKey),
    async (c) => {
      const input = c.req.valid('json')
      if (input.expiresAt && Date.parse(input.expiresAt) <= Date.now()) {
        throw new AppError(400, 'invalid_request', 'expiresAt: must be in the future')
      }
      const key = await createKey(c.env, input)
      return c.json(key, 201, { Location: `/api/keys/${key.id}`, 'Cache-Control': 'no-store' })
    },
  )
  .get(
    '/',
    operation({
      id: 'listKeys',
      summary: 'Every API key, newest first, without secrets',
      tag: 'Keys',
      auth: 'bearer',
      scope: 'admin',
      responses: { 200: { description: 'The keys', content: json(apiKeys) } },
      errors: [401, 503],
    }),
    async (c) => c.json({ items: await allKeys(c.env) }),
  )
  .delete(
    '/:id',
    operation({
      id: 'revokeKey',
      summary: 'Revoke an API key',
      description:
        'Refused at once by the isolate that revoked it, and by every other within API_KEY_TRUST_MS (1 s by default).',
      tag: 'Keys',
      auth: 'bearer',
      scope: 'admin',
      responses: { 204: { description: 'Revoked' } },
      errors: [401, 404, 429, 503],
    }),
    validate('param', idParam),
    async (c) => {
      if (!(await revokeKey(c.env, c.req.valid('param').id))) throw notFound('key')
      return c.body(null, 204)
    },
  )
