import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { renderDocsPage, type DocsOperation } from '../views/docs-page'
import { OPERATIONS, openApiDocument } from './openapi-spec'
import { siteOf } from '../settings'
import { settingsOf } from '../settings'

const typeOf = (schema: Record<string, unknown>): string =>
  typeof schema.type === 'string' ? schema.type : 'string'

/** /openapi.json and a readable /docs made from it. */
export const apiDocs = new Hono<AppEnv>()
  .get('/openapi.json', (c) => c.json(openApiDocument(settingsOf(c.env).siteOrigin)))
  .get('/docs', (c) => {
    const document = openApiDocument(settingsOf(c.env).siteOrigin)
    const operations: DocsOperation[] = OPERATIONS.map((op) => {
      const described = document.paths[op.path]![op.method] as {
        parameters: {
          name: string
          in: string
          required: boolean
          schema: Record<string, unknown>
          description?: string
        }[]
      }
      return {
        method: op.method,
        path: op.path,
        summary: op.summary,
        tag: op.tag,
        auth: op.auth ?? false,
        parameters: described.parameters.map((p) => ({
          name: p.name,
          in: p.in,
          required: p.required,
          type: typeOf(p.schema),
          ...(p.description ? { description: p.description } : {}),
        })),
        bodies: Object.entries(op.body ?? {}).map(([type, body]) => ({
          type,
          description: typeof body === 'string' ? body : 'JSON, see /openapi.json for the schema',
        })),
        responses: Object.entries(op.responses).map(([status, r]) => ({
          status,
          description: r.description,
          ...(r.json ? { type: 'application/json' } : r.type ? { type: r.type } : {}),
        })),
      }
    })
    return c.html(renderDocsPage(siteOf(c.env), operations))
  })
