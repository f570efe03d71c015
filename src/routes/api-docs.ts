import { Hono, type Schema } from 'hono'
import { generateSpecs } from 'hono-openapi'
import type { AppEnv } from '../env'
import { operation, TAGS, textOf } from '../http/operation'
import { settingsOf, siteOf } from '../settings'
import { renderDocsPage, type DocsOperation } from '../views/docs-page'

type OpenApiDocument = Awaited<ReturnType<typeof generateSpecs>>

interface Described {
  summary?: string
  tags?: string[]
  security?: Record<string, string[]>[]
  parameters?: { name: string; in: string; required?: boolean; schema?: { type?: string } }[]
  requestBody?: { content: Record<string, { schema?: { description?: string } }> }
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>
}

/** The reference page's view of the document: no scripts, nothing from elsewhere. */
function docsOperations(document: OpenApiDocument): DocsOperation[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Described>).map(([method, op]) => ({
      method,
      path,
      summary: op.summary ?? '',
      tag: op.tags?.[0] ?? 'Site',
      auth: (op.security ?? []).length > 0,
      parameters: (op.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required ?? false,
        type: p.schema?.type ?? 'string',
      })),
      bodies: Object.entries(op.requestBody?.content ?? {}).map(([type, body]) => ({
        type,
        description: body.schema?.description ?? 'JSON: see /openapi.json for its schema',
      })),
      responses: Object.entries(op.responses ?? {}).map(([status, r]) => ({
        status,
        description: r.description ?? '',
        ...(r.content ? { type: Object.keys(r.content).join(', ') } : {}),
      })),
    })),
  )
}

/**
 * /openapi.json, generated from the routes of `app` (each describes itself: see
 * http/operation.ts), and /docs, a readable page made from it. Made once per origin.
 */
export function apiDocs<S extends Schema>(app: Hono<AppEnv, S, '/'>) {
  const made = new Map<string, Promise<OpenApiDocument>>()
  const documentFor = (origin: string) => {
    let document = made.get(origin)
    if (!document) {
      document = generateSpecs(app, {
        excludeStaticFile: false,
        defaultValidationErrorResponse: false,
        documentation: {
          info: {
            title: 'Edge Articles',
            version: '1.0.0',
            description:
              'Upload archived news articles; read them as HTML, JSON and feeds at the edge. Every error is `{"error":{"code","message"}}`.\n\n' +
              'Reads may be answered by a D1 read replica near you. A response that read the database (pages aside: caches share them) carries `X-D1-Bookmark`; send it back as the `X-D1-Bookmark` request header and nothing you read is older than it. A write also sets it as the `d1_bookmark` cookie (5 minutes), which a browser sends back by itself. A malformed `X-D1-Bookmark` is `400 invalid_bookmark`; an empty one counts as none.',
            license: { name: 'MIT', identifier: 'MIT' },
          },
          servers: [{ url: origin }],
          tags: TAGS,
          components: {
            securitySchemes: {
              bearer: {
                type: 'http',
                scheme: 'bearer',
                description: 'The INGEST_TOKEN (admin) or an API key (POST /api/keys)',
              },
            },
          },
        },
      })
      made.set(origin, document)
    }
    return document
  }
  return new Hono<AppEnv>()
    .get(
      '/openapi.json',
      operation({
        id: 'openApi',
        summary: 'This description (OpenAPI 3.1)',
        tag: 'Site',
        responses: { 200: { description: 'OpenAPI 3.1', content: textOf('application/json') } },
      }),
      async (c) => c.json(await documentFor(settingsOf(c.env).siteOrigin)),
    )
    .get(
      '/docs',
      operation({
        id: 'apiReference',
        summary: 'This description, as a page',
        tag: 'Site',
        responses: { 200: { description: 'The API reference', content: textOf('text/html') } },
      }),
      async (c) => {
        const document = await documentFor(settingsOf(c.env).siteOrigin)
        return c.html(renderDocsPage(siteOf(c.env), docsOperations(document)))
      },
    )
}
