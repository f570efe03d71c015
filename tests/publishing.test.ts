import { createScheduledController, env } from 'cloudflare:test'
import worker from '../src/index'
import { describe, expect, it } from 'vitest'
import { publishDue, publishEach, PUBLISH_PER_RUN } from '../src/articles/schedule'
import type { Storage } from '../src/articles/storage'
import { createDb } from '../src/db/client'
import { auth, get, ORIGIN, upload } from './helpers'
import { call } from './helpers'
import { fillPath, ROUTES } from './http-table/support'

const storage = (): Storage => ({ db: createDb(env.DB), originals: env.ORIGINALS })

/** An article whose every name is found nowhere else, so any page that shows it is caught. */
function marked(word: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    title: `Zephyrine ${word} quokkas cross the Brackenbury causeway`,
    body: [`The ${word} quokkas of Zephyrine crossed at dawn.`, 'They came back by noon.'],
    authors: [`Ottoline ${word} Brackenbury`],
    tags: [`Quokkarium ${word}`],
    publishedAt: '1999-03-14T09:00:00Z',
    sourceUrl: `https://zephyrine.example/${word}`,
    ...extra,
  })
}

async function store(word: string, extra: Record<string, unknown> = {}) {
  const res = await upload(marked(word, extra), { type: 'application/json' })
  expect(res.status).toBe(201)
  return (await res.json()) as {
    slug: string
    status: string
    publishAt: string | null
    revision: number
    authors: { slug: string }[]
    tags: { slug: string }[]
  }
}

const patch = (slug: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/api/articles/${slug}`, {
    method: 'PATCH',
    headers: { ...auth, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

/** Every GET route the app serves, filled with the marked article's names. */
function surfaces(article: {
  slug: string
  authors: { slug: string }[]
  tags: { slug: string }[]
}) {
  const values: Record<string, string> = {
    'articles/:slug': article.slug,
    'authors/:slug': article.authors[0]!.slug,
    'tags/:slug': article.tags[0]!.slug,
    ':n': '1',
    ':year': '1999',
    ':month': '03',
    ':file': '1.xml',
    // A link's token names no article (the preview tests cover those).
    'preview/:token': 'not-a-token',
  }
  const pick = (name: string, previous: string) =>
    values[`${previous}/:${name}`] ?? values[`:${name}`] ?? article.slug
  return ROUTES.filter((r) => r.method === 'GET').flatMap((r) =>
    fillPath(r.path, pick).map((path) => ({
      route: r.path,
      // A word every marked article has: the page echoes the query, not the marked word.
      path: /\/search$/.test(path) ? `${path}?q=quokkas` : path,
    })),
  )
}

const ACCEPTS = ['text/html', 'application/json', '*/*']

/** The routes whose answers (any Accept, no token) name the article: its word is in all its names. */
async function showing(article: Parameters<typeof surfaces>[0], word: string): Promise<string[]> {
  const found = new Set<string>()
  for (const { route, path } of surfaces(article)) {
    for (const accept of ACCEPTS) {
      const res = await call(`${ORIGIN}${path}`, { headers: { Accept: accept } })
      const answer = `${[...res.headers].join('\n')}\n${res.body}`.toLowerCase()
      if (answer.includes(word)) found.add(route)
    }
  }
  return [...found].sort()
}

/** What a published article is shown on: the control that proves the search for it can find it. */
const PUBLIC_SURFACES = [
  '/',
  '/api/archive/:year/:month',
  '/api/articles',
  '/api/articles/:slug',
  '/api/articles/:slug/revisions',
  '/api/articles/:slug/source',
  '/api/authors/:slug',
  '/api/search',
  '/api/tags/:slug',
  '/archive/:year/:month',
  '/articles/:slug',
  '/articles/:slug/revisions',
  '/authors/:slug',
  '/authors/:slug/feed.json',
  '/authors/:slug/feed.xml',
  '/feed.json',
  '/feed.xml',
  '/search',
  '/sitemap.xml',
  '/sitemaps/:file',
  '/tags/:slug',
  '/tags/:slug/feed.json',
  '/tags/:slug/feed.xml',
]

describe('a draft is on no public surface', () => {
  it('is absent from every GET route, shows on them once published, and leaves them when unpublished', async () => {
    const draft = await store('qxdraft', { status: 'draft' })
    expect([draft.status, draft.publishAt]).toEqual(['draft', null])

    // Read twice: a cached answer must not keep it either.
    expect(await showing(draft, 'qxdraft')).toEqual([])
    expect(await showing(draft, 'qxdraft')).toEqual([])

    // The token's reader sees it.
    const own = await get(`/api/articles/${draft.slug}`, auth)
    expect(own.status).toBe(200)
    expect(own.headers.get('Cache-Control')).toBe('private, no-store')
    expect(((await own.json()) as { status: string }).status).toBe('draft')

    const published = await patch(draft.slug, { status: 'published' })
    expect(published.status).toBe(200)
    expect(published.headers.get('X-Ingest-Result')).toBe('updated')
    const shown = await showing(draft, 'qxdraft')
    expect(shown).toEqual(expect.arrayContaining(PUBLIC_SURFACES))

    const unpublished = await patch(draft.slug, { status: 'draft' })
    expect(unpublished.status).toBe(200)
    expect(await showing(draft, 'qxdraft')).toEqual([])
  })

  it('keeps a scheduled article off every surface until its time', async () => {
    const publishAt = new Date(Date.now() + 3_600_000).toISOString()
    const scheduled = await store('qxscheduled', { status: 'scheduled', publishAt })
    expect([scheduled.status, scheduled.publishAt]).toEqual(['scheduled', publishAt])
    expect(await showing(scheduled, 'qxscheduled')).toEqual([])
    expect(
      (await call(`/api/articles/${scheduled.slug}`, { method: 'DELETE', headers: auth })).status,
    ).toBe(204)
  })
})

describe('status changes are writes', () => {
  it('make a revision each, honour If-Match, and say unchanged when nothing changes', async () => {
    const article = await store('revised')
    expect(article.status).toBe('published')
    const stale = await patch(
      article.slug,
      { status: 'draft' },
      { 'If-Match': '"r9-0000000000000000"' },
    )
    expect(stale.status).toBe(412)
    const toDraft = await patch(article.slug, { status: 'draft' })
    expect(toDraft.status).toBe(200)
    const again = await patch(article.slug, { status: 'draft' })
    expect(again.headers.get('X-Ingest-Result')).toBe('unchanged')
    const history = (await (await get(`/api/articles/${article.slug}/revisions`, auth)).json()) as {
      items: { revision: number; reason: string; status: string }[]
    }
    expect(history.items.map((r) => [r.revision, r.reason, r.status])).toEqual([
      [2, 'status', 'draft'],
      [1, 'upload', 'published'],
    ])
    // A reader sees no history of an article that is not published.
    expect((await get(`/api/articles/${article.slug}/revisions`)).status).toBe(404)
  })

  it('keeps the stored status when an update asks for none', async () => {
    const draft = await store('kept', { status: 'draft' })
    const res = await upload(marked('kept', { body: ['Rewritten while still a draft.'] }), {
      type: 'application/json',
    })
    expect(res.status).toBe(200)
    expect((await res.json()) as object).toMatchObject({ slug: draft.slug, status: 'draft' })
  })

  it('leaves an editor’s status alone when a file asks again what it asked before', async () => {
    const file = marked('resent', { status: 'draft' })
    const draft = await store('resent', { status: 'draft' })
    expect((await patch(draft.slug, { status: 'published' })).status).toBe(200)
    // The very bytes it was stored from: nothing to write.
    const again = await upload(file, { type: 'application/json' })
    expect(again.status).toBe(200)
    expect(again.headers.get('X-Ingest-Result')).toBe('unchanged')
    expect((await again.json()) as object).toMatchObject({ status: 'published', revision: 2 })
    // Edited, still asking for a draft as it did: the text changes, the editor's status stands.
    const edited = await upload(marked('resent', { status: 'draft', kicker: 'Edited' }), {
      type: 'application/json',
    })
    expect(edited.headers.get('X-Ingest-Result')).toBe('updated')
    expect((await edited.json()) as object).toMatchObject({
      kicker: 'Edited',
      status: 'published',
      revision: 3,
    })
    // Asking for something else is news, and it is applied.
    const scheduled = await upload(
      marked('resent', {
        status: 'scheduled',
        publishAt: '2999-01-01T00:00:00Z',
        kicker: 'Edited',
      }),
      { type: 'application/json' },
    )
    expect((await scheduled.json()) as object).toMatchObject({
      status: 'scheduled',
      publishAt: '2999-01-01T00:00:00.000Z',
      revision: 4,
    })

    // A text upload's status is the request's own (?status=): sent again, it is applied again.
    const text = 'Quokkarium resent notes\n\nThe notes were filed at dawn.'
    const first = await upload(text, { query: '?status=draft' })
    const { slug } = (await first.json()) as { slug: string }
    expect((await patch(slug, { status: 'published' })).status).toBe(200)
    const resent = await upload(text, { query: '?status=draft' })
    expect(resent.headers.get('X-Ingest-Result')).toBe('updated')
    expect((await resent.json()) as object).toMatchObject({ status: 'draft', revision: 3 })
  })

  it('refuses a status it does not know and a schedule without a time', async () => {
    const article = await store('refused')
    for (const [body, status, code] of [
      [{ status: 'live' }, 400, 'invalid_request'],
      [{ status: 'scheduled' }, 422, 'invalid_status'],
      [{ publishAt: 'tomorrow' }, 422, 'invalid_publish_at'],
      [{}, 400, 'invalid_request'],
    ] as const) {
      const res = await patch(article.slug, body)
      const { error } = JSON.parse(res.body) as { error: { code: string } }
      expect([JSON.stringify(body), res.status, error.code]).toEqual([
        JSON.stringify(body),
        status,
        code,
      ])
    }
    const text = await upload('A TITLE\n\nA body.', { query: '?status=scheduled' })
    expect(text.status).toBe(422)
    expect(((await text.json()) as { error: { code: string } }).error.code).toBe('invalid_status')
  })
})

describe('scheduled publishing (the cron)', () => {
  const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString()
  const later = () => new Date(Date.now() + 7_200_000)

  async function statusRevisions(slug: string) {
    const { results } = await env.DB.prepare(
      `SELECT r.number, r.status FROM revisions r JOIN articles a ON a.id = r.article_id
       WHERE a.slug = ? AND r.reason = 'status' ORDER BY r.number`,
    )
      .bind(slug)
      .all<{ number: number; status: string }>()
    return results
  }

  it('publishes every article due in the same minute, each once, over as many runs as it takes', async () => {
    const publishAt = inAnHour()
    const many = PUBLISH_PER_RUN + 5
    const slugs: string[] = []
    for (let i = 0; i < many; i++) {
      slugs.push((await store(`batch${i}`, { status: 'scheduled', publishAt })).slug)
    }
    // Warm the listing that will change, so a stale copy would show.
    const month = async () =>
      (
        (await (await get('/api/archive/1999/03?limit=50')).json()) as { items: { slug: string }[] }
      ).items
        .map((i) => i.slug)
        .filter((slug) => slugs.includes(slug))
    expect(await month()).toEqual([])
    const now = later()
    // Without a queue, a run publishes its share and leaves the rest for the next.
    expect(await publishDue(storage(), now)).toEqual({
      published: PUBLISH_PER_RUN,
      handedOff: 0,
      more: true,
    })
    expect(await publishDue(storage(), now)).toEqual({ published: 5, handedOff: 0, more: false })
    expect(await publishDue(storage(), now)).toEqual({ published: 0, handedOff: 0, more: false })
    for (const slug of slugs) {
      expect(await statusRevisions(slug)).toEqual([{ number: 2, status: 'published' }])
      expect((await get(`/articles/${slug}`)).status).toBe(200)
    }
    expect((await month()).sort()).toEqual([...slugs].sort())
    const events = await env.DB.prepare(
      `SELECT count(*) AS n FROM webhook_events e JOIN articles a ON a.id = e.article_id
       WHERE e.type = 'article.published' AND a.slug IN (${slugs.map(() => '?').join(',')})`,
    )
      .bind(...slugs)
      .first<{ n: number }>()
    expect(events?.n).toBe(many)
  })

  it('hands what its run cannot publish to the queue, whose messages publish the rest at once', async () => {
    const publishAt = inAnHour()
    const slugs: string[] = []
    for (let i = 0; i < PUBLISH_PER_RUN + 10; i++) {
      slugs.push((await store(`handed${i}`, { status: 'scheduled', publishAt })).slug)
    }
    const now = later()
    const groups: string[][] = []
    const handOff = async (sent: string[][]) => void groups.push(...sent)
    expect(await publishDue(storage(), now, handOff)).toEqual({
      published: PUBLISH_PER_RUN,
      handedOff: 10,
      more: false,
    })
    expect(groups.map((g) => g.length)).toEqual([8, 2])
    // A message delivered twice publishes nothing the second time.
    expect(await publishEach(storage(), groups.flat(), now)).toBe(10)
    expect(await publishEach(storage(), groups.flat(), now)).toBe(0)
    for (const slug of slugs) {
      expect(await statusRevisions(slug)).toEqual([{ number: 2, status: 'published' }])
    }
  })

  it('publishes through the cron handler and the work queue, as deployed', async () => {
    const slugs: string[] = []
    for (let i = 0; i < PUBLISH_PER_RUN + 3; i++) {
      slugs.push((await store(`cron${i}`, { status: 'scheduled', publishAt: inAnHour() })).slug)
    }
    // The hour passes: the handler publishes what is due by the clock it reads itself.
    const aMinuteAgo = new Date(Date.now() - 60_000).toISOString()
    await env.DB.prepare(
      `UPDATE articles SET publish_at = ? WHERE slug IN (${slugs.map(() => '?').join(',')})`,
    )
      .bind(aMinuteAgo, ...slugs)
      .run()
    await worker.scheduled(createScheduledController({ cron: '* * * * *' }), env)
    // The last three went by queue: its consumer runs on its own, soon after.
    const published = async () => {
      const { results } = await env.DB.prepare(
        `SELECT count(*) AS n FROM articles WHERE status = 'published'
         AND slug IN (${slugs.map(() => '?').join(',')})`,
      )
        .bind(...slugs)
        .all<{ n: number }>()
      return results[0]!.n
    }
    for (let i = 0; i < 100 && (await published()) < slugs.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(await published()).toBe(slugs.length)
    for (const slug of slugs) {
      expect(await statusRevisions(slug)).toEqual([{ number: 2, status: 'published' }])
    }
  })

  it('publishes once when two runs overlap', async () => {
    const { slug } = await store('overlap', { status: 'scheduled', publishAt: inAnHour() })
    const now = later()
    const runs = await Promise.all([publishDue(storage(), now), publishDue(storage(), now)])
    expect(runs.reduce((n, r) => n + r.published, 0)).toBe(1)
    expect(await statusRevisions(slug)).toEqual([{ number: 2, status: 'published' }])
  })

  it('catches up a missed run: late, never never, and listed from when it went out', async () => {
    const { slug } = await store('missed', {
      status: 'scheduled',
      publishAt: inAnHour(),
      publishedAt: null,
    })
    const dayLate = new Date(Date.now() + 86_400_000)
    expect((await publishDue(storage(), dayLate)).published).toBe(1)
    const row = await env.DB.prepare(
      'SELECT status, publish_at, sort_key FROM articles WHERE slug = ?',
    )
      .bind(slug)
      .first<{ status: string; publish_at: string | null; sort_key: string }>()
    expect(row?.status).toBe('published')
    expect(row?.publish_at).toBeNull()
    // Undated: it lists after the dated articles (`!` first), from the moment the run published
    // it, not from its first upload: the first of the undated.
    expect(row!.sort_key.startsWith('!')).toBe(true)
    expect(Date.parse(row!.sort_key.slice(1))).toBeGreaterThan(Date.now() - 60_000)
    const undated = await env.DB.prepare(
      `SELECT slug FROM articles WHERE status = 'published' AND deleted_at IS NULL
       AND published_at IS NULL ORDER BY sort_key DESC LIMIT 1`,
    ).first<{ slug: string }>()
    expect(undated?.slug).toBe(slug)
  })

  it('leaves an article unscheduled just before its time alone', async () => {
    const { slug } = await store('unscheduled', { status: 'scheduled', publishAt: inAnHour() })
    expect((await patch(slug, { status: 'draft' })).status).toBe(200)
    expect((await publishDue(storage(), later())).published).toBe(0)
    expect(await statusRevisions(slug)).toEqual([{ number: 2, status: 'draft' }])
    expect((await get(`/articles/${slug}`)).status).toBe(404)
  })

  it('publishes at once a schedule whose time has passed', async () => {
    const past = new Date(Date.now() - 60_000).toISOString()
    const article = await store('past', { status: 'scheduled', publishAt: past })
    expect([article.status, article.publishAt]).toEqual(['published', null])
  })
})
