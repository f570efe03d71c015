import { Books, pageTitle } from './books'
import type { Draft, Format } from './content'
import { call, type Init, type Reply } from './http'
import { Recorder } from './recorder'

/** An article the load edits: new content for the same sourceUrl makes a new revision. */
export interface Story {
  label: string
  slug: string
  sourceUrl: string
  format: Format
}

/** What the simulated clients share: the server, the books, and the articles to pick from. */
export interface World {
  origin: string
  token: string
  /** Makes this run's titles and source URLs its own. */
  run: string
  clients: number
  books: Books
  recorder: Recorder
  /** Pages read in the warm-up, so cached. */
  hot: string[]
  /** Articles whose page nobody has asked for yet. */
  unread: string[]
  stories: Story[]
  /** Generated posts as seeded: index for their bytes, slug for reads. */
  generated: { index: number; slug: string }[]
  /** Listing pages: the index, authors, tags, archive months. */
  listings: string[]
  next: { upload: number; version: number; client: number }
  /** Edits in flight per article. */
  editing: Map<string, number>
  /** Articles scheduled during the load, for the cron to publish after it. */
  scheduled: { slug: string; publishAt: string }[]
}

export const newWorld = (origin: string, token: string, clients: number): World => ({
  origin,
  token,
  run: Date.now().toString(36),
  clients,
  books: new Books(),
  recorder: new Recorder(),
  hot: [],
  unread: [],
  stories: [],
  generated: [],
  listings: ['/'],
  next: { upload: 0, version: 0, client: 0 },
  editing: new Map(),
  scheduled: [],
})

export const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!

/** The next simulated client's address: RFC 2544's benchmarking range, one per client. */
function clientIp(w: World): string {
  const i = w.next.client++ % w.clients
  return `198.18.${i >> 8}.${i & 255}`
}

/** One request as one of the clients; null when no answer came (recorded as a failure). */
export async function hit(
  w: World,
  route: string,
  path: string,
  init: Init = {},
  expected = [200],
): Promise<Reply | null> {
  const what = `${init.method ?? 'GET'} ${path}`
  const headers = { 'CF-Connecting-IP': clientIp(w), ...init.headers }
  try {
    const reply = await call(w.origin + path, { ...init, headers })
    w.recorder.answer(route, what, reply, expected)
    return reply
  } catch (error) {
    w.recorder.networkError(route, what, error)
    return null
  }
}

/** 409: lost the write race too often; 429: rate limited. Neither stores anything. */
const WRITE_ANSWERS = [200, 201, 409, 429]

/** Sends a draft (an edit of the article `editOf`); a 2xx goes into the books at its ETag's revision. */
export async function write(
  w: World,
  route: string,
  draft: Draft,
  editOf?: string,
): Promise<{ slug: string; status: string } | null> {
  const auth = { Authorization: `Bearer ${w.token}`, 'Content-Type': draft.contentType }
  const init = { method: 'POST', headers: auth, body: draft.body }
  const reply = await hit(w, route, draft.path, init, WRITE_ANSWERS)
  if (!reply) {
    if (editOf) w.books.unanswered(editOf)
    return null
  }
  if (reply.status >= 300) return null
  const etag = /^"r(\d+)-[0-9a-f]+"$/.exec(String(reply.headers.etag))
  const body = parseJson<{ slug?: string; revision?: number }>(reply.text)
  const status = String(reply.headers['x-ingest-result'])
  if (!etag || typeof body?.slug !== 'string' || typeof body.revision !== 'number') {
    w.recorder.fail(`POST ${draft.path} answered ${reply.status} without a slug and revision`)
    return null
  }
  const revision = Number(etag[1])
  if (body.revision < revision) {
    w.recorder.fail(`POST ${draft.path}: body shows revision ${body.revision}, ETag ${revision}`)
  } else if (body.revision > revision) {
    w.recorder.note('upload answer: body shows a newer revision than its ETag')
  }
  w.books.record(body.slug, { revision, title: draft.title, status }, editOf !== undefined)
  return { slug: body.slug, status }
}

/** Reads an article page and fails it when it is older than a write acknowledged before. */
export async function readPage(w: World, route: string, slug: string): Promise<void> {
  const floor = w.books.latest(slug)
  const reply = await hit(w, route, `/articles/${slug}`, { headers: { Accept: 'text/html' } })
  if (reply?.status !== 200) return
  const stale = w.books.stale(slug, floor, pageTitle(reply.text))
  if (stale)
    w.recorder.fail(`stale page /articles/${slug}: ${stale} (X-Cache ${reply.headers['x-cache']})`)
}

export function parseJson<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T
  } catch {
    return null
  }
}
