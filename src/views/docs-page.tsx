import { Layout, renderDocument } from './layout'
import type { Site } from '../model/site'

/** The parts of one OpenAPI operation the reference page shows. */
export interface DocsOperation {
  method: string
  path: string
  summary: string
  tag: string
  auth: boolean
  parameters: { name: string; in: string; required: boolean; type: string; description?: string }[]
  bodies: { type: string; description: string }[]
  responses: { status: string; description: string; type?: string }[]
}

/** A readable API reference made from /openapi.json: no scripts, no external assets. */
export function renderDocsPage(site: Site, operations: DocsOperation[]): string {
  const tags = [...new Set(operations.map((o) => o.tag))]
  return renderDocument(
    <Layout
      site={site}
      title={`API | ${site.name}`}
      description={`The ${site.name} HTTP API.`}
      canonicalPath="/docs"
    >
      <h1>API reference</h1>
      <p>
        Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Writes need{' '}
        <code>Authorization: Bearer $INGEST_TOKEN</code>; every error is{' '}
        <code>{'{"error":{"code","message"}}'}</code>.
      </p>
      <p>
        Reads may come from a database replica near you. To read your own writes, send back the{' '}
        <code>X-D1-Bookmark</code> header a response gave you (a write also sets it as the{' '}
        <code>d1_bookmark</code> cookie, which browsers send back by themselves); a malformed one is{' '}
        <code>400 invalid_bookmark</code>.
      </p>
      {tags.map((tag) => (
        <section>
          <h2>{tag}</h2>
          {operations
            .filter((o) => o.tag === tag)
            .map((o) => (
              <article class="operation" id={`${o.method}-${o.path}`}>
                <h3>
                  <code>
                    {o.method.toUpperCase()} {o.path}
                  </code>
                </h3>
                <p>
                  {o.summary}
                  {o.auth && ' (bearer token)'}
                </p>
                {o.parameters.length > 0 && (
                  <table class="results">
                    <caption>Parameters</caption>
                    <tbody>
                      {o.parameters.map((p) => (
                        <tr>
                          <td>
                            <code>{p.name}</code>
                          </td>
                          <td>
                            {p.in}
                            {p.required ? ', required' : ''}
                          </td>
                          <td>{p.type}</td>
                          <td>{p.description ?? ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {o.bodies.length > 0 && (
                  <ul>
                    {o.bodies.map((b) => (
                      <li>
                        Body <code>{b.type}</code>: {b.description}
                      </li>
                    ))}
                  </ul>
                )}
                <ul>
                  {o.responses.map((r) => (
                    <li>
                      <code>{r.status}</code> {r.description}
                      {r.type && (
                        <>
                          {' '}
                          (<code>{r.type}</code>)
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </article>
            ))}
        </section>
      ))}
    </Layout>,
  )
}
