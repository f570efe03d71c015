import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import app from '../src/index'
import * as schemas from '../src/routes/response-schemas'
import { auth, get, send, upload } from './helpers'

const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'

/** Hono patterns to OpenAPI paths: `:slug` → `{slug}`, `:kind{authors|tags}` → each alternative. */
function openApiPaths(pattern: string): string[] {
  const alternatives = /:(\w+)\{([a-z|]+)\}/.exec(pattern)
  if (alternatives) {
    return alternatives[2]!
      .split('|')
      .flatMap((word) => openApiPaths(pattern.replace(alternatives[0], word)))
  }
  return [pattern.replace(/:(\w+)(\{(?:[^{}]|\{[^}]*\})*\})?/g, '{$1}').replace(/(.)\/$/, '$1')]
}

describe('/openapi.json', () => {
  it('is OpenAPI 3.1 and describes every route the app serves', async () => {
    const doc = (await (await get('/openapi.json')).json()) as {
      openapi: string
      paths: Record<string, Record<string, unknown>>
    }
    expect(doc.openapi).toBe('3.1.0')
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL')
        .flatMap((r) => openApiPaths(r.path).map((p) => `${r.method.toLowerCase()} ${p}`)),
    )
    const described = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m} ${path}`),
      ),
    )
    expect([...served].filter((r) => !described.has(r))).toEqual([])
    expect([...described].filter((r) => !served.has(r))).toEqual([])
  })

  it('derives parameters from the validators the routes use', async () => {
    const doc = (await (await get('/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { parameters: { name: string; schema: Record<string, unknown> }[] }>
      >
    }
    const limit = doc.paths['/api/articles']!.get!.parameters.find((p) => p.name === 'limit')!
    expect(limit.schema).toEqual({ default: 20, type: 'integer', minimum: 1, maximum: 100 })
  })

  it('renders a readable reference at /docs', async () => {
    const html = await (await get('/docs')).text()
    expect(html).toContain('<code>POST /api/articles</code>')
    expect(html).toContain('<code>GET /api/search</code>')
  })
})

describe('responses match their documented schemas', () => {
  const strictly = (schema: z.ZodType, value: unknown) => {
    const result = schema.safeParse(value)
    expect(result.success ? [] : result.error.issues).toEqual([])
  }

  it('article, listing, revisions, search, bulk and error responses', async () => {
    strictly(
      schemas.article,
      await (await upload(seed, { query: '?publishedAt=2011-09-22' })).json(),
    )
    strictly(schemas.article, await (await get(`/api/articles/${SLUG}`)).json())
    strictly(schemas.listing, await (await get('/api/articles')).json())
    strictly(schemas.listing, await (await get('/api/authors/alex-rodriguez')).json())
    strictly(schemas.listing, await (await get('/api/archive/2011/09')).json())
    strictly(schemas.revisions, await (await get(`/api/articles/${SLUG}/revisions`)).json())
    strictly(schemas.searchResults, await (await get('/api/search?q=Haqqani')).json())
    const bulk = await send('POST', '/api/articles/bulk', {
      ...auth,
      'Content-Type': 'application/x-ndjson',
    })
    strictly(schemas.errorResponse, await bulk.json())
    strictly(schemas.errorResponse, await (await get('/api/articles/nope')).json())
  })
})
