import type { MiddlewareHandler } from 'hono'
import { describeRoute, resolver, uniqueSymbol } from 'hono-openapi'
import type { AppEnv } from '../env'
import type { z } from 'zod'
import { errorResponse } from '../model/api'
import type { Scope } from '../model/keys'

/**
 * How a route describes itself in /openapi.json (generated from the routes by hono-openapi: a
 * route cannot exist undescribed). Parameters come from the route's validators; this adds what
 * only the route knows: who may call it, what it takes and every status it can answer.
 */

export type Tag = 'Articles' | 'Imports' | 'Keys' | 'Webhooks' | 'Reading' | 'Pages' | 'Site'

export const TAGS: { name: Tag; description: string }[] = [
  { name: 'Articles', description: 'Uploads, edits and deletes: every write needs the token.' },
  {
    name: 'Imports',
    description: 'Archives imported as jobs through the queue: every route needs the token.',
  },
  { name: 'Keys', description: 'API keys with scopes: every route needs the admin scope.' },
  {
    name: 'Webhooks',
    description:
      'Signed event deliveries (Standard Webhooks): every route needs the webhooks scope.',
  },
  { name: 'Reading', description: 'Articles, listings and search as JSON.' },
  { name: 'Pages', description: 'HTML for readers; listing URLs answer JSON to Accept: JSON.' },
  { name: 'Site', description: 'Feeds, the sitemap, health and this description.' },
]

const ERRORS: Record<number, string> = {
  400: 'Malformed input (the error names the field or header)',
  401: 'No token or key, or not a valid one',
  403: 'The key lacks the scope this route needs (the error names it)',
  404: 'Not found',
  409: 'Lost a write race with another writer; retry',
  412: 'If-Match names a revision that is no longer current',
  413: 'Over a size limit (the error names it)',
  415: 'Unsupported media type, charset or encoding',
  422: 'Read, but not an article, or more than one article may hold',
  429: 'Too many requests from this address; wait as Retry-After says',
  503: 'Storage unavailable, or writes not configured; retry after Retry-After',
}

type Content = Record<string, { schema: unknown }>

export const json = (schema: z.ZodType): Content => ({
  'application/json': { schema: resolver(schema) },
})
export const textOf = (...types: string[]): Content =>
  Object.fromEntries(types.map((type) => [type, { schema: { type: 'string' } }]))
/** A body that is text of one media type, described in a sentence. */
export const textBody = (type: string, description: string): Content => ({
  [type]: { schema: { type: 'string', description } },
})

const errorJson = json(errorResponse)
/** Pages answer their errors as an HTML page, or as JSON to a client that asks for it. */
const pageError = { ...textOf('text/html'), ...errorJson }

interface Response {
  description: string
  content?: Content
}

export interface Operation {
  id: string
  summary: string
  description?: string
  tag: Tag
  /** Who may call it: anyone (default), the bearer token, or the form's own token field. */
  auth?: 'bearer' | 'form'
  /** The scope an API key needs for it (the INGEST_TOKEN and admin keys have every scope): 403 without. */
  scope?: Scope
  /** The request body, by media type. */
  body?: Content
  responses: Record<number, Response>
  /** Error statuses this operation can answer, each in the one error shape. */
  errors?: number[]
  /** A page: its errors are HTML pages too, or JSON to a client that asks for JSON. */
  page?: boolean
}

/** The route's description, as the middleware hono-openapi reads it from `app.routes`. */
export function operation(op: Operation): MiddlewareHandler<AppEnv> {
  const statuses = [
    ...new Set([...(op.errors ?? []), ...(op.scope && op.auth === 'bearer' ? [403] : [])]),
  ].sort()
  const errors = Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: ERRORS[status], content: op.page ? pageError : errorJson },
    ]),
  )
  const described = describeRoute({
    operationId: op.id,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    // OpenAPI 3.1 lets a bearer requirement list role names: here, the scope a key needs.
    security: op.auth === 'bearer' ? [{ bearer: op.scope ? [op.scope] : [] }] : [],
    ...(op.scope ? { 'x-scope': op.scope } : {}),
    ...(op.body ? { requestBody: { required: true, content: op.body } } : {}),
    responses: { ...op.responses, ...errors },
  } as Parameters<typeof describeRoute>[0])
  if (!op.page) return described
  const page: MiddlewareHandler<AppEnv> = async (c, next) => {
    c.set('pageErrors', true)
    await next()
  }
  // hono-openapi finds a description by this symbol on a route's middleware.
  const spec = (described as unknown as Record<symbol, unknown>)[uniqueSymbol]
  return Object.assign(page, { [uniqueSymbol]: spec })
}
