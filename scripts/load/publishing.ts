import { scheduledUrl } from '../local-service/cron'
import { draft, loadTitle, type Draft } from './content'
import { hit, parseJson, pick, readPage, write, type World } from './world'

/** How far ahead the load schedules articles: they come due while it runs or just after. */
const SCHEDULE_AHEAD_MS = 15_000

/** A JSON draft (see content.ts) that asks for a status. */
function withStatus(sent: Draft, fields: Record<string, string>): Draft {
  return { ...sent, body: JSON.stringify({ ...JSON.parse(sent.body), ...fields }) }
}

const editor = (w: World) => ({
  Authorization: `Bearer ${w.token}`,
  'Content-Type': 'application/json',
})

/** A status change or a restore, acknowledged like an upload: into the books at its ETag. */
async function revise(w: World, route: string, slug: string, path: string, body?: unknown) {
  const init = {
    method: path.endsWith('/restore') ? 'POST' : 'PATCH',
    headers: editor(w),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }
  const reply = await hit(w, route, path, init, [200, 409, 429])
  if (!reply) return w.books.unanswered(slug)
  if (reply.status !== 200) return
  const etag = /^"r(\d+)-[0-9a-f]+"$/.exec(String(reply.headers.etag))
  const article = parseJson<{ title: string; status: string }>(reply.text)
  if (!etag || !article) return w.recorder.fail(`${path} answered 200 without an ETag or article`)
  const status = String(reply.headers['x-ingest-result'])
  w.books.record(slug, { revision: Number(etag[1]), title: article.title, status }, true)
}

/** A new draft: no reader sees it; then it is published, and its page shows it. */
export async function draftThenPublish(w: World): Promise<void> {
  const n = ++w.next.upload
  const url = `https://load.example/${w.run}/draft/${n}`
  const sent = withStatus(draft('json', loadTitle(w.run, `draft ${n}`, n), 3_000_000 + n, url), {
    status: 'draft',
  })
  const result = await write(w, 'POST /api/articles (draft)', sent)
  if (!result) return
  const page = await hit(w, 'GET /articles/:slug (draft)', `/articles/${result.slug}`, {}, [404])
  if (page && page.status !== 404) w.recorder.fail(`draft ${result.slug} answered ${page.status}`)
  await revise(
    w,
    'PATCH /api/articles/:slug (publish)',
    result.slug,
    `/api/articles/${result.slug}`,
    {
      status: 'published',
    },
  )
  await readPage(w, 'GET /articles/:slug (after publish)', result.slug)
}

/** A new article scheduled a little ahead: the cron publishes it (checked after the load). */
export async function scheduleSoon(w: World): Promise<void> {
  const n = ++w.next.upload
  const url = `https://load.example/${w.run}/scheduled/${n}`
  const publishAt = new Date(Date.now() + SCHEDULE_AHEAD_MS).toISOString()
  const sent = withStatus(
    draft('json', loadTitle(w.run, `scheduled ${n}`, n), 4_000_000 + n, url),
    { status: 'scheduled', publishAt },
  )
  const result = await write(w, 'POST /api/articles (scheduled)', sent)
  if (result) w.scheduled.push({ slug: result.slug, publishAt })
}

/** An edited story gets its first revision's content back, as a new revision. */
export async function restoreFirst(w: World): Promise<void> {
  const story = pick(w.stories)
  const path = `/api/articles/${story.slug}/revisions/1/restore`
  await revise(w, 'POST /api/articles/:slug/revisions/1/restore', story.slug, path)
  await readPage(w, 'GET /articles/:slug (after restore)', story.slug)
}

/**
 * After the load: once the last schedule is due, the cron runs (as Cloudflare's trigger would)
 * until nothing is due, and every scheduled article must be published, once, by it: its public
 * JSON answers, at the revision after the one acknowledged, which the books then expect.
 */
export async function publishScheduled(w: World): Promise<void> {
  const last = Math.max(0, ...w.scheduled.map((s) => Date.parse(s.publishAt)))
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, last - Date.now() + 1_000)))
  for (let run = 0; run < Math.ceil(w.scheduled.length / 25) + 1; run++) {
    const res = await fetch(scheduledUrl(w.origin))
    await res.arrayBuffer()
    if (!res.ok) w.recorder.fail(`the scheduled handler answered ${res.status}`)
  }
  for (const { slug } of w.scheduled) {
    const reply = await hit(
      w,
      'GET /api/articles/:slug (scheduled, after the cron)',
      `/api/articles/${slug}`,
    )
    const article = parseJson<{ status: string; revision: number; title: string }>(
      reply?.text ?? '',
    )
    const acked = w.books.latest(slug)
    if (!article || article.status !== 'published' || article.revision !== acked + 1) {
      w.recorder.fail(
        `scheduled ${slug}: ${article ? `${article.status} at revision ${article.revision}` : reply?.status}, acknowledged ${acked}`,
      )
      continue
    }
    w.books.record(slug, { revision: article.revision, title: article.title, status: 'published' })
  }
}
