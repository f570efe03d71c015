import { SELF } from 'cloudflare:test'
import type { ImportItem, ImportJob } from '../../src/model/imports'
import { auth, ORIGIN } from '../helpers'

export type Part = { field: string; value: string } | { file: string; text: string; type?: string }

/** A multipart/form-data body as a browser or curl sends it. */
export function multipartBody(parts: Part[], boundary = '----edge-import-7d3f') {
  const lines: string[] = []
  for (const part of parts) {
    lines.push(`--${boundary}`)
    if ('field' in part) {
      lines.push(`Content-Disposition: form-data; name="${part.field}"`, '', part.value)
    } else {
      lines.push(
        `Content-Disposition: form-data; name="files"; filename="${part.file}"`,
        `Content-Type: ${part.type ?? 'application/octet-stream'}`,
        '',
        part.text,
      )
    }
  }
  lines.push(`--${boundary}--`, '')
  return {
    body: new TextEncoder().encode(lines.join('\r\n')),
    contentType: `multipart/form-data; boundary=${boundary}`,
  }
}

export const ndjson = (...articles: unknown[]) =>
  articles.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join('\n') + '\n'

export async function postImport(
  body: BodyInit,
  type: string,
  headers: Record<string, string> = {},
) {
  return SELF.fetch(`${ORIGIN}/api/imports`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': type, ...headers },
    body,
  })
}

export async function getJob(id: string): Promise<ImportJob> {
  const res = await SELF.fetch(`${ORIGIN}/api/imports/${id}`, { headers: auth })
  if (res.status !== 200) throw new Error(`GET job ${id}: ${res.status} ${await res.text()}`)
  return res.json()
}

/** The job once it has ended, through the real queue (each hop waits for its batch timeout). */
export async function finished(id: string, timeoutMs = 25_000): Promise<ImportJob> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const job = await getJob(id)
    if (job.finishedAt !== null) return job
    if (Date.now() > deadline)
      throw new Error(`job ${id} still ${job.status}: ${JSON.stringify(job)}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Imports a body and waits for its job to end. */
export async function importAndWait(body: BodyInit, type: string): Promise<ImportJob> {
  const res = await postImport(body, type)
  if (res.status !== 202) throw new Error(`POST /api/imports: ${res.status} ${await res.text()}`)
  return finished(((await res.json()) as ImportJob).id)
}

export async function itemsOf(id: string, query = ''): Promise<ImportItem[]> {
  const all: ImportItem[] = []
  let cursor: string | null = null
  do {
    const q = new URLSearchParams(query)
    q.set('limit', '100')
    if (cursor) q.set('cursor', cursor)
    const res = await SELF.fetch(`${ORIGIN}/api/imports/${id}/items?${q}`, { headers: auth })
    if (res.status !== 200) throw new Error(`items: ${res.status} ${await res.text()}`)
    const page = (await res.json()) as { items: ImportItem[]; nextCursor: string | null }
    all.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return all
}

/** The job's books: every item has one outcome, and each counted outcome is in its list. */
export function balanced(job: ImportJob): boolean {
  return (
    job.created + job.updated + job.unchanged + job.failed === job.total && job.done === job.total
  )
}
