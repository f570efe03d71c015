import { hc } from 'hono/client'
import type { App } from '../../src/index'
import type { ImportItem, ImportJob } from '../../src/model/imports'
import type { ClientOptions } from './api-client'
import { withRetries, type Answer } from './retry'
import { sendBlob } from './send-blob'

export type Got<T> = { ok: true; value: T } | { ok: false; error: string }

/** The import API through the typed client, each call retrying 429/5xx and network errors. */
export function importsClient(options: ClientOptions) {
  const imports = hc<App>(options.origin).api.imports
  const headers = { Authorization: `Bearer ${options.token}` }
  const got = async <T>(send: () => Promise<Answer<T>>): Promise<Got<T>> => {
    const sent = await withRetries(send, options)
    if (!sent.ok) return { ok: false, error: sent.error }
    return { ok: true, value: await sent.res.json() }
  }

  return {
    /** Starts a job; the body is a Blob, so a retry sends it again from its start. */
    start: (body: Blob, contentType: string): Promise<Got<ImportJob>> =>
      got(() =>
        imports.$post(undefined, {
          headers: { ...headers, 'Content-Type': contentType },
          init: { body },
          fetch: sendBlob,
        }),
      ),

    job: (id: string): Promise<Got<ImportJob>> =>
      got(() => imports[':id'].$get({ param: { id } }, { headers })),

    /** Every failed item, in archive order, following the pages' cursors. */
    async failures(id: string): Promise<Got<ImportItem[]>> {
      const items: ImportItem[] = []
      let cursor: string | undefined
      do {
        const page = await got(() =>
          imports[':id'].items.$get(
            { param: { id }, query: { status: 'failed', limit: '100', cursor } },
            { headers },
          ),
        )
        if (!page.ok) return page
        items.push(...page.value.items)
        cursor = page.value.nextCursor ?? undefined
      } while (cursor)
      return { ok: true, value: items }
    },
  }
}
