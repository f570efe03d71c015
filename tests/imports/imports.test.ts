import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import type { ImportJob } from '../../src/model/imports'
import ghostExport from '../ingest/ghost/fixtures/harbor-gazette.ghost.json?raw'
import wxrExport from '../ingest/wxr/fixtures/harbor-gazette.wordpress.xml?raw'
import { auth, call, get, ORIGIN, storageSnapshot } from '../helpers'
import {
  balanced,
  finished,
  importAndWait,
  itemsOf,
  multipartBody,
  ndjson,
  postImport,
} from './support'

const articleOf = async (slug: string) => {
  const res = await get(`/api/articles/${slug}`, { Accept: 'application/json' })
  expect(res.status).toBe(200)
  return (await res.json()) as {
    title: string
    revision: number
    authors: { name: string }[]
    tags: { name: string }[]
    body: { text?: string }[]
  }
}

/** An article's status as its editors read it (the token sees drafts). */
const publicationOf = async (slug: string) => {
  const res = await get(`/api/articles/${slug}`, { ...auth, Accept: 'application/json' })
  expect(res.status).toBe(200)
  const { status, publishAt } = (await res.json()) as { status: string; publishAt: string | null }
  return { status, publishAt }
}

describe('POST /api/imports', () => {
  it('answers 202 at once with the job at Location, and the queue imports every line', async () => {
    const body = ndjson(
      { title: 'Tide tables move online', body: 'The harbor office published them.' },
      { title: 'Ferry adds a night run', body: 'The last boat leaves at 11:40 p.m.' },
      'not json at all',
      '',
      { body: 'A line without a title.' },
    )
    const res = await postImport(body, 'application/x-ndjson')
    expect(res.status).toBe(202)
    const job = (await res.json()) as ImportJob
    expect(res.headers.get('Location')).toBe(`/api/imports/${job.id}`)
    expect(job).toEqual({
      id: expect.stringMatching(/^[0-9a-z]{25}$/),
      status: 'queued',
      format: 'ndjson',
      total: 0,
      done: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      skipped: 0,
      split: false,
      archive: {
        contentType: 'application/x-ndjson',
        bytes: new TextEncoder().encode(body).length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        read: 0,
      },
      error: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      finishedAt: null,
      links: {
        self: `/api/imports/${job.id}`,
        items: `/api/imports/${job.id}/items`,
        failures: `/api/imports/${job.id}/items?status=failed`,
      },
    })

    const done = await finished(job.id)
    expect(done).toMatchObject({
      status: 'done',
      total: 4,
      done: 4,
      created: 2,
      updated: 0,
      unchanged: 0,
      failed: 2,
      split: true,
      archive: { read: job.archive.bytes },
    })
    expect(balanced(done)).toBe(true)
    expect(await itemsOf(job.id, 'status=failed')).toEqual([
      {
        index: 2,
        status: 'failed',
        line: 3,
        error: {
          code: 'invalid_json',
          message: expect.stringContaining('the body is not valid JSON'),
        },
        retryable: false,
      },
      {
        index: 3,
        status: 'failed',
        line: 5,
        error: { code: expect.any(String), message: expect.stringContaining('title') },
        retryable: false,
      },
    ])
    expect((await itemsOf(job.id)).slice(0, 2)).toEqual([
      {
        index: 0,
        status: 'created',
        line: 1,
        slug: 'tide-tables-move-online',
        url: '/articles/tide-tables-move-online',
        revision: 1,
      },
      {
        index: 1,
        status: 'created',
        line: 2,
        slug: 'ferry-adds-a-night-run',
        url: '/articles/ferry-adds-a-night-run',
        revision: 1,
      },
    ])
    expect((await articleOf('ferry-adds-a-night-run')).body[0]!.text).toBe(
      'The last boat leaves at 11:40 p.m.',
    )
    // The page it landed on is served, and the site's listing names it.
    expect((await get('/articles/tide-tables-move-online')).status).toBe(200)
    expect(await (await get('/api/articles?limit=100')).text()).toContain('tide-tables-move-online')
  })

  it('keeps each item’s original in its chunk: the source is the line byte for byte, checked on the way out', async () => {
    const lines = [
      { title: 'Pier lights dimmed for turtles', body: 'Nesting starts in May. Café open 🐢.' },
      { title: 'Harbor dredging resumes', body: 'The barges return on Monday.' },
    ]
    const originals = async () => (await env.ORIGINALS.list({ prefix: 'originals/' })).objects
    const before = await originals()
    const job = await importAndWait(ndjson(...lines), 'application/x-ndjson')
    expect(job).toMatchObject({ status: 'done', created: 2 })
    const slugs = ['pier-lights-dimmed-for-turtles', 'harbor-dredging-resumes']
    for (const [i, slug] of slugs.entries()) {
      const res = await get(`/api/articles/${slug}/source`, auth)
      expect(res.status).toBe(200)
      expect(await res.text()).toBe(JSON.stringify(lines[i]))
    }
    const { results } = await env.DB.prepare(
      `SELECT s.r2_key AS key, s.r2_offset AS offset, s.byte_length AS length
       FROM import_items i JOIN articles a ON a.id = i.article_id JOIN sources s ON s.id = a.source_id
       WHERE i.job_id = ? ORDER BY i.seq`,
    )
      .bind(job.id)
      .all<{ key: string; offset: number; length: number }>()
    // Both in the one chunk, end to end after its header: no object of their own.
    const key = results[0]!.key
    expect(key).toMatch(new RegExp(`^imports/${job.id}/chunks/0@0$`))
    const first = new TextEncoder().encode(JSON.stringify(lines[0])).length
    expect(results).toEqual([
      { key, offset: results[0]!.offset, length: first },
      { key, offset: results[0]!.offset + first, length: results[1]!.length },
    ])
    expect(await originals()).toEqual(before)

    // A chunk damaged at rest is never answered as the original.
    const chunk = new Uint8Array(await (await env.ORIGINALS.get(key))!.arrayBuffer())
    chunk[results[1]!.offset]! ^= 1
    await env.ORIGINALS.put(key, chunk)
    expect((await get(`/api/articles/${slugs[1]}/source`, auth)).status).toBe(503)
    expect((await get(`/api/articles/${slugs[0]}/source`, auth)).status).toBe(200)
  })

  it('imports the same archive again without writing anything but the job’s own record', async () => {
    const body = ndjson(
      { title: 'Breakwater lights replaced', body: 'All forty lamps are LEDs now.' },
      { title: 'Lighthouse open on Sundays', body: 'Tours start at ten.' },
    )
    const first = await importAndWait(body, 'application/x-ndjson')
    expect(first).toMatchObject({ status: 'done', created: 2 })
    const before = await storageSnapshot()
    const originals = (await env.ORIGINALS.list({ prefix: 'originals/' })).objects.length
    const again = await importAndWait(body, 'application/x-ndjson')
    expect(again).toMatchObject({ status: 'done', total: 2, unchanged: 2, created: 0, updated: 0 })
    const after = await storageSnapshot()
    // The second archive is kept (every upload is), and nothing else changes.
    expect({ ...after, r2Objects: 0 }).toEqual({ ...before, r2Objects: 0 })
    expect((await env.ORIGINALS.list({ prefix: 'originals/' })).objects.length).toBe(originals)
    expect(await itemsOf(again.id)).toEqual([
      expect.objectContaining({
        status: 'unchanged',
        slug: 'breakwater-lights-replaced',
        revision: 1,
      }),
      expect.objectContaining({
        status: 'unchanged',
        slug: 'lighthouse-open-on-sundays',
        revision: 1,
      }),
    ])
  })

  it('makes consecutive revisions when two imports running at once touch one article', async () => {
    const url = 'https://harborgazette.example/2024/03/dredging/'
    const version = (n: number) =>
      ndjson(
        {
          title: 'Dredging starts in the channel',
          sourceUrl: url,
          body: `Version ${n} of the story.`,
        },
        { title: `Unrelated story ${n}`, body: `Only in import ${n}.` },
      )
    const [a, b] = await Promise.all([
      postImport(version(1), 'application/x-ndjson'),
      postImport(version(2), 'application/x-ndjson'),
    ])
    const jobs = await Promise.all(
      [a, b].map(async (r) => finished(((await r.json()) as ImportJob).id)),
    )
    expect(jobs.map((j) => j.status)).toEqual(['done', 'done'])
    const shared = await Promise.all(jobs.map(async (j) => (await itemsOf(j.id))[0]!))
    expect(shared.map((i) => [i.status, i.revision]).sort()).toEqual([
      ['created', 1],
      ['updated', 2],
    ])
    // Whichever import stored second holds the current text: the other version changes it again.
    const current = shared[0]!.status === 'updated' ? 1 : 2
    const third = await importAndWait(version(3 - current), 'application/x-ndjson')
    expect((await itemsOf(third.id))[0]).toMatchObject({ status: 'updated', revision: 3 })
    const revisions = (await (
      await get('/api/articles/dredging-starts-in-the-channel/revisions')
    ).json()) as { items: { revision: number }[] }
    expect(revisions.items.map((r) => r.revision)).toEqual([3, 2, 1])
  })

  it('imports multipart files, each failing alone with its file name', async () => {
    const { body, contentType } = multipartBody([
      { field: 'note', value: 'ignored' },
      { file: 'pier.txt', text: 'PIER 4 REOPENS\n\nThe pier reopened on Friday after repairs.' },
      { file: 'market.md', text: '# Fish market moves indoors\n\nStalls open in the old shed.' },
      { file: 'photo.exe', text: 'MZ' },
    ])
    const job = await importAndWait(body, contentType)
    expect(job).toMatchObject({
      status: 'done',
      format: 'multipart',
      total: 3,
      created: 2,
      failed: 1,
    })
    expect(await itemsOf(job.id, 'status=failed')).toEqual([
      {
        index: 2,
        status: 'failed',
        file: 'photo.exe',
        error: { code: 'unsupported_media_type', message: expect.stringContaining('photo.exe') },
        retryable: false,
      },
    ])
    expect((await articleOf('fish-market-moves-indoors')).title).toBe('Fish market moves indoors')
  })

  it('imports a WordPress export: posts with their authors and terms, the draft as a draft; pages and attachments passed over', async () => {
    const job = await importAndWait(wxrExport, 'application/xml; charset=utf-8')
    expect(job).toMatchObject({
      status: 'done',
      format: 'wxr',
      total: 3,
      created: 3,
      failed: 0,
      skipped: 2,
    })
    expect(balanced(job)).toBe(true)
    expect(await itemsOf(job.id)).toEqual([
      expect.objectContaining({
        index: 0,
        status: 'created',
        guid: 'https://harborgazette.example/?p=41',
        slug: 'ferry-fares-rise-for-the-first-time-since-2019',
      }),
      expect.objectContaining({
        index: 1,
        status: 'created',
        guid: 'https://harborgazette.example/?p=60',
        slug: 'seawall-finished-two-months-early',
      }),
      expect.objectContaining({
        index: 2,
        status: 'created',
        guid: 'https://harborgazette.example/?p=70',
        slug: 'council-weighs-a-10-30-pm-curfew-for-pier-4-bars',
      }),
    ])
    const ferry = await articleOf('ferry-fares-rise-for-the-first-time-since-2019')
    expect(ferry.authors.map((a) => a.name)).toEqual(['Marta Kowalski'])
    expect(ferry.tags.map((t) => t.name)).toEqual(['Local News', 'ferries', 'Transit & Roads'])
    const seawall = await articleOf('seawall-finished-two-months-early')
    expect(seawall.authors.map((a) => a.name)).toEqual(['José Brennan'])
    expect(await publicationOf('ferry-fares-rise-for-the-first-time-since-2019')).toEqual({
      status: 'published',
      publishAt: null,
    })
    // The draft is kept as a draft, and never went live.
    const draft = 'council-weighs-a-10-30-pm-curfew-for-pier-4-bars'
    expect(await publicationOf(draft)).toEqual({ status: 'draft', publishAt: null })
    expect((await get(`/api/articles/${draft}`, { Accept: 'application/json' })).status).toBe(404)
    expect((await get(`/articles/${draft}`)).status).toBe(404)
  })

  it('imports a WordPress export again without undoing the statuses editors changed since', async () => {
    // Stored by the test before, or now.
    expect(await importAndWait(wxrExport, 'application/xml')).toMatchObject({ status: 'done' })
    const ferry = 'ferry-fares-rise-for-the-first-time-since-2019'
    const draft = 'council-weighs-a-10-30-pm-curfew-for-pier-4-bars'
    for (const [slug, status] of [
      [ferry, 'draft'],
      [draft, 'published'],
    ]) {
      const res = await call(`/api/articles/${slug}`, {
        method: 'PATCH',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ status }),
      })
      expect(res.status).toBe(200)
    }
    const before = await storageSnapshot()
    const again = await importAndWait(wxrExport, 'application/xml')
    expect(again).toMatchObject({ status: 'done', total: 3, unchanged: 3, updated: 0 })
    // The second archive is kept (every upload is), and no article, revision or page changes.
    expect({ ...(await storageSnapshot()), r2Objects: 0 }).toEqual({ ...before, r2Objects: 0 })
    expect(await publicationOf(ferry)).toEqual({ status: 'draft', publishAt: null })
    expect(await publicationOf(draft)).toEqual({ status: 'published', publishAt: null })

    // Exported again after the posts were edited in WordPress, their statuses there unchanged:
    // the text is new, the statuses editors set here stand.
    const edited = wxrExport
      .replace('citing fuel costs', 'citing diesel costs')
      .replace('after a summer of complaints', 'after a long summer of complaints')
    const third = await importAndWait(edited, 'application/xml')
    expect(third).toMatchObject({ status: 'done', total: 3, updated: 2, unchanged: 1 })
    expect(await publicationOf(ferry)).toEqual({ status: 'draft', publishAt: null })
    expect(await publicationOf(draft)).toEqual({ status: 'published', publishAt: null })
    const ferryNow = await get(`/api/articles/${ferry}`, { ...auth, Accept: 'application/json' })
    expect(JSON.stringify(await ferryNow.json())).toContain('citing diesel costs')
  })

  it('imports a Ghost export: the published post with its authors, tags and caption; the draft as a draft', async () => {
    const job = await importAndWait(ghostExport, 'application/json')
    expect(job).toMatchObject({
      status: 'done',
      format: 'ghost',
      total: 2,
      created: 2,
      failed: 0,
      skipped: 1,
    })
    const post = await articleOf('night-market-returns-to-customs-house-square')
    expect(post.authors.map((a) => a.name)).toEqual(['Tomasz Nowak', 'Lena Park'])
    expect(post.tags.map((t) => t.name)).toEqual(['Local News', 'Food & Drink'])
    expect(await publicationOf('night-market-returns-to-customs-house-square')).toEqual({
      status: 'published',
      publishAt: null,
    })
    const draft = 'harbor-street-pool-to-close-for-repairs'
    expect(await itemsOf(job.id, 'status=created')).toContainEqual(
      expect.objectContaining({ guid: '65dc2b90c3b4e5000148a0f7', slug: draft }),
    )
    expect(await publicationOf(draft)).toEqual({ status: 'draft', publishAt: null })
    expect((await get(`/api/articles/${draft}`, { Accept: 'application/json' })).status).toBe(404)
  })

  it('ends a job with no valid item as failed, with every reason', async () => {
    const job = await importAndWait(ndjson('{', '{"title": 5}'), 'application/x-ndjson')
    expect(job).toMatchObject({ status: 'failed', total: 2, failed: 2, created: 0 })
    expect(job.error).toEqual({
      code: 'nothing_stored',
      message: 'Not one item was stored: their reasons are at items?status=failed.',
    })
    expect((await itemsOf(job.id, 'status=failed')).map((i) => [i.line, i.error?.code])).toEqual([
      [1, 'invalid_json'],
      [2, expect.any(String)],
    ])
  })

  it('ends a job whose archive holds no article as failed, saying so', async () => {
    const job = await importAndWait(ndjson('', '  ', ''), 'application/x-ndjson')
    expect(job).toMatchObject({ status: 'failed', total: 0, failed: 0, created: 0 })
    expect(job.error?.code).toBe('no_articles')
    expect(job.error?.message).toBe('The archive holds no article to import (0 items passed over).')
  })
})

describe('refusals', () => {
  const importsBefore = () =>
    env.DB.prepare('SELECT count(*) AS n FROM import_jobs').first<{ n: number }>()
  const archives = async () =>
    (await env.ORIGINALS.list({ prefix: 'imports/' })).objects.filter((o) =>
      o.key.endsWith('/archive'),
    ).length

  it.each([
    ['text/plain', 'hello', 415, 'unsupported_media_type'],
    ['application/xml', '<html><body>not an export</body></html>', 422, 'not_an_export'],
    ['application/xml', '<rss version="2.0"><channel></channel></rss>', 422, 'not_an_export'],
    ['application/json', '{"title":"One article","body":"Not an export."}', 422, 'not_an_export'],
    ['application/json', '[1,2,3]', 422, 'not_an_export'],
    ['application/x-ndjson', '', 422, 'empty_import'],
    ['application/x-ndjson; charset=latin1', 'x', 415, 'unsupported_charset'],
    ['multipart/form-data', 'x', 400, 'invalid_request'],
  ])('%s %j is %i %s, and nothing is kept', async (type, body, status, code) => {
    const [jobs, kept] = [await importsBefore(), await archives()]
    const res = await postImport(body, type)
    expect(res.status).toBe(status)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code)
    expect(await importsBefore()).toEqual(jobs)
    expect(await archives()).toBe(kept)
  })

  it('is 413 past MAX_IMPORT_BYTES, declared or not, and keeps nothing', async () => {
    const [jobs, kept] = [await importsBefore(), await archives()]
    const big = 'x'.repeat(1024 * 1024 + 1)
    const declared = await postImport(big, 'application/x-ndjson')
    expect(declared.status).toBe(413)
    const streamed = await postImport(
      new Blob([big]).stream().pipeThrough(new TransformStream()),
      'application/x-ndjson',
    )
    expect(streamed.status).toBe(413)
    expect(((await streamed.json()) as { error: { code: string } }).error.code).toBe(
      'payload_too_large',
    )
    expect(await importsBefore()).toEqual(jobs)
    expect(await archives()).toBe(kept)
  })

  it('wants the token on every route', async () => {
    for (const [method, path] of [
      ['POST', '/api/imports'],
      ['GET', '/api/imports'],
      ['GET', '/api/imports/0mxag0ql64k556m1f461y304a'],
      ['GET', '/api/imports/0mxag0ql64k556m1f461y304a/items'],
      ['POST', '/api/imports/0mxag0ql64k556m1f461y304a/retry'],
    ] as const) {
      const res = await SELF.fetch(`${ORIGIN}${path}`, { method })
      expect(res.status, `${method} ${path}`).toBe(401)
    }
  })

  it('answers 404 for a job that does not exist, 400 for a cursor it did not make, 409 when nothing can be retried', async () => {
    expect((await get('/api/imports/0000000000nosuchjob', auth)).status).toBe(404)
    expect((await get('/api/imports/0000000000nosuchjob/items', auth)).status).toBe(404)
    expect((await get('/api/imports/bad!id', auth)).status).toBe(404)
    const job = await importAndWait(
      ndjson({ title: 'Retry me not', body: 'Fine.' }),
      'application/x-ndjson',
    )
    expect((await get(`/api/imports/${job.id}/items?cursor=forged`, auth)).status).toBe(400)
    expect((await get(`/api/imports/${job.id}/items?status=lost`, auth)).status).toBe(400)
    const retry = await call(`/api/imports/${job.id}/retry`, { method: 'POST', headers: auth })
    expect(retry.status).toBe(409)
    expect(JSON.parse(retry.body).error.code).toBe('nothing_to_retry')
  })
})

describe('GET /api/imports', () => {
  it('lists jobs newest first, a page at a time', async () => {
    const ids: string[] = []
    for (const n of [1, 2, 3]) {
      const res = await postImport(
        ndjson({ title: `Listed ${n}`, body: 'x.' }),
        'application/x-ndjson',
      )
      ids.push(((await res.json()) as ImportJob).id)
    }
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const res = await get(`/api/imports?limit=2${cursor ? `&cursor=${cursor}` : ''}`, auth)
      const page = (await res.json()) as { items: ImportJob[]; nextCursor: string | null }
      expect(page.items.length).toBeLessThanOrEqual(2)
      seen.push(...page.items.map((j) => j.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.filter((id) => ids.includes(id))).toEqual([...ids].reverse())
    await Promise.all(ids.map((id) => finished(id)))
  })
})
