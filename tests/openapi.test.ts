import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { app } from '../src/index'
import * as api from '../src/model/api'
import { article } from '../src/model/article'
import { SCOPES } from '../src/model/keys'
import { auth, get, send, upload } from './helpers'

const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'

interface Operation {
  operationId?: string
  summary?: string
  security?: { bearer?: string[] }[]
  'x-scope'?: string
  tags?: string[]
  parameters?: { name: string; in: string; schema: Record<string, unknown> }[]
  responses: Record<string, unknown>
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> }

/** Hono patterns to OpenAPI paths: `:slug` → `{slug}`. */
const openApiPath = (pattern: string) =>
  pattern.replace(/:(\w+)(\{(?:[^{}]|\{[^}]*\})*\})?/g, '{$1}').replace(/(.)\/$/, '$1')

const document = async () => (await (await get('/openapi.json')).json()) as Document

describe('/openapi.json, generated from the routes', () => {
  it('is OpenAPI 3.1 and describes exactly the routes the app serves', async () => {
    const doc = await document()
    expect(doc.openapi).toBe('3.1.0')
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`),
    )
    const described = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    )
    expect(described.sort()).toEqual([...served].sort())
  })

  it('gives every operation an id, a summary, a tag, its security and its error statuses', async () => {
    const doc = await document()
    const ids = new Set<string>()
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`
        expect(op.operationId, where).toMatch(/^[a-z][A-Za-z]+$/)
        expect(ids.has(op.operationId!), `${where}: ${op.operationId} twice`).toBe(false)
        ids.add(op.operationId!)
        expect(op.summary, where).toMatch(/\S/)
        expect(op.tags, where).toHaveLength(1)
        expect(op.security, where).toBeDefined()
        const writes = method !== 'get'
        const bearer = op.security?.length === 1 && op.security[0]!.bearer !== undefined
        // The upload form is a write whose token is a field of the form, not a header. Import
        // jobs and keys are read with a secret too: items name what was stored, keys are keys.
        const needsToken =
          (writes && path !== '/upload') || /^\/api\/(imports|keys|webhooks)\b/.test(path)
        expect([where, bearer], where).toEqual([where, needsToken])
        if (writes)
          expect(Object.keys(op.responses), where).toEqual(
            expect.arrayContaining(['401', '403', '429', '503']),
          )
        // Every route that takes a secret names the scope a key needs, as a bearer role too.
        if (needsToken || writes) expect(SCOPES, where).toContain(op['x-scope'])
        if (bearer) {
          expect(op.security, where).toEqual([{ bearer: [op['x-scope']] }])
          expect(Object.keys(op.responses), where).toContain('403')
        }
      }
    }
  })

  it('derives parameters from the validators the routes use', async () => {
    const doc = await document()
    const limit = doc.paths['/api/articles']!.get!.parameters!.find((p) => p.name === 'limit')!
    expect(limit.schema).toEqual({ default: 20, type: 'integer', minimum: 1, maximum: 100 })
    const month = doc.paths['/archive/{year}/{month}']!.get!.parameters!.find(
      (p) => p.name === 'month',
    )!
    expect(month).toMatchObject({ in: 'path', schema: { pattern: '^(0[1-9]|1[0-2])$' } })
  })

  it('renders a readable reference at /docs', async () => {
    const html = await (await get('/docs')).text()
    expect(html).toContain('<code>POST /api/articles</code>')
    expect(html).toContain('<code>GET /api/search</code>')
    expect(html).toContain('<code>GET /authors/{slug}/feed.json</code>')
  })
})

describe('responses match their documented schemas', () => {
  const strictly = (schema: z.ZodType, value: unknown) => {
    const result = schema.safeParse(value)
    expect(result.success ? [] : result.error.issues).toEqual([])
  }

  it('article, listing, revisions, search, bulk and error responses', async () => {
    strictly(article, await (await upload(seed, { query: '?publishedAt=2011-09-22' })).json())
    strictly(article, await (await get(`/api/articles/${SLUG}`)).json())
    strictly(api.listing, await (await get('/api/articles')).json())
    strictly(api.listing, await (await get('/api/authors/alex-rodriguez')).json())
    strictly(api.listing, await (await get('/api/archive/2011/09')).json())
    strictly(api.revisions, await (await get(`/api/articles/${SLUG}/revisions`)).json())
    strictly(api.searchResults, await (await get('/api/search?q=Haqqani')).json())
    const bulk = await send('POST', '/api/articles/bulk', {
      ...auth,
      'Content-Type': 'application/x-ndjson',
    })
    strictly(api.errorResponse, await bulk.json())
    strictly(api.errorResponse, await (await get('/api/articles/nope')).json())
  })
})
