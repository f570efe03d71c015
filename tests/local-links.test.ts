import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import migration from '../drizzle/0014_inline_links.sql?raw'
import { article as articleSchema } from '../src/model/article'
import { auth, call, get, ORIGIN, upload } from './helpers'

// A link in one article's text to another stored article (to its original URL, or to its page
// here) leads to that article's page here while it is live and published, and the pages that
// show the link (the article, the site's and its author's and tag's feeds) are never served
// stale when that changes.

const REL = 'rel="noopener noreferrer nofollow"'
const STORM_URL = 'https://coastal.example/2023/storm-closes-gull-point-light'
const STORM = '/articles/storm-closes-the-gull-point-lighthouse'

/** Links to the storm story by its original URL (spelled otherwise), by its page, and to itself. */
const keepers = (word: string) => ({
  title: `Keepers return to Gull Point ${word}`,
  authors: [`Maren ${word} Holt`],
  tags: [`Lighthouses ${word}`],
  publishedAt: '2024-05-02',
  sourceUrl: `https://coastal.example/2024/keepers-return-${word}`,
  body: [
    {
      spans: [
        { text: 'The keepers came back a year after ' },
        {
          text: 'the storm',
          href: 'http://coastal.example/2023/storm-closes-gull-point-light/#photos',
        },
        { text: ' closed the light.' },
      ],
    },
    {
      type: 'list',
      items: ['Our coverage of the storm', 'First published by the Coastal Courier'],
      itemSpans: [
        [{ text: 'Our coverage of ' }, { text: 'the storm', href: `${STORM}/` }],
        [
          { text: 'First published by ' },
          {
            text: 'the Coastal Courier',
            href: `https://coastal.example/2024/keepers-return-${word}`,
          },
        ],
      ],
    },
  ],
})

const storm = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    title: 'Storm closes the Gull Point lighthouse',
    body: ['Waves broke over the lamp room on Sunday night.'],
    publishedAt: '2023-11-12',
    sourceUrl: STORM_URL,
    ...extra,
  })

async function store(body: string) {
  const res = await upload(body, { type: 'application/json' })
  expect(res.status).toBe(201)
  return (await res.json()) as {
    slug: string
    authors: { slug: string }[]
    tags: { slug: string }[]
  }
}

/** What the keepers' article shows of its links, and whether its page came from the cache. */
async function shown(slug: string, authorSlug: string, tagSlug: string) {
  const page = await get(`/articles/${slug}`)
  const html = await page.text()
  const json = articleSchema.parse(await (await get(`/api/articles/${slug}`)).json())
  const feed = async (path: string) => {
    const items = (
      (await (await get(path)).json()) as { items: { id: string; content_html: string }[] }
    ).items
    return items.find((i) => i.id === `${ORIGIN}/articles/${slug}`)!.content_html
  }
  return {
    cache: page.headers.get('X-Cache'),
    html,
    spans: json.body.map((b) =>
      b.type === 'list' ? b.itemSpans : b.type === 'figure' ? null : b.spans,
    ),
    feeds: [
      await feed('/feed.json'),
      await feed(`/authors/${authorSlug}/feed.json`),
      await feed(`/tags/${tagSlug}/feed.json`),
    ],
  }
}

const original = {
  paragraph: `after <a href="http://coastal.example/2023/storm-closes-gull-point-light/#photos" ${REL}>the storm</a> closed`,
  page: `<li>Our coverage of <a href="${STORM}/">the storm</a></li>`,
  feed: `after <a href="http://coastal.example/2023/storm-closes-gull-point-light/#photos" ${REL}>the storm</a> closed`,
}
const local = {
  paragraph: `after <a href="${STORM}">the storm</a> closed`,
  page: `<li>Our coverage of <a href="${STORM}">the storm</a></li>`,
  feed: `after <a href="${ORIGIN}${STORM}">the storm</a> closed`,
}
// The keepers' own original stays a link to the original, not to its own page.
const itself = (word: string) =>
  `<li>First published by <a href="https://coastal.example/2024/keepers-return-${word}" ${REL}>the Coastal Courier</a></li>`

const patch = (slug: string, body: unknown) =>
  call(`/api/articles/${slug}`, {
    method: 'PATCH',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('links to other stored articles', () => {
  it('lead to their pages here only while they are live and published, never served stale', async () => {
    const a = await store(JSON.stringify(keepers('alpha')))
    const view = () => shown(a.slug, a.authors[0]!.slug, a.tags[0]!.slug)

    // Before the storm story is stored: every link as written.
    let seen = await view()
    expect(seen.html).toContain(original.paragraph)
    expect(seen.html).toContain(original.page)
    expect(seen.html).toContain(itself('alpha'))
    for (const html of seen.feeds) expect(html).toContain(original.feed)
    expect(JSON.stringify(seen.spans)).not.toContain('localHref')
    expect((await view()).cache).toBe('HIT')

    // Stored: the link to its original URL and the link to its page both lead to its page.
    const b = await store(storm())
    expect(b.slug).toBe(STORM.slice('/articles/'.length))
    seen = await view()
    expect(seen.cache).toBe('MISS')
    expect(seen.html).toContain(local.paragraph)
    expect(seen.html).toContain(local.page)
    expect(seen.html).toContain(itself('alpha'))
    for (const html of seen.feeds) expect(html).toContain(local.feed)
    // The JSON keeps each href as written, and says where it leads here.
    expect(seen.spans).toEqual([
      [
        { text: 'The keepers came back a year after ' },
        {
          text: 'the storm',
          href: 'http://coastal.example/2023/storm-closes-gull-point-light/#photos',
          localHref: STORM,
        },
        { text: ' closed the light.' },
      ],
      [
        [{ text: 'Our coverage of ' }, { text: 'the storm', href: `${STORM}/`, localHref: STORM }],
        [
          { text: 'First published by ' },
          {
            text: 'the Coastal Courier',
            href: 'https://coastal.example/2024/keepers-return-alpha',
          },
        ],
      ],
    ])
    expect((await view()).cache).toBe('HIT')

    // Unpublished: a draft's page never leaks through a link.
    expect((await patch(b.slug, { status: 'draft' })).status).toBe(200)
    seen = await view()
    expect(seen.html).toContain(original.paragraph)
    expect(seen.html).toContain(original.page)
    for (const html of seen.feeds) expect(html).toContain(original.feed)
    expect(JSON.stringify(seen.spans)).not.toContain('localHref')

    // Published again, then deleted.
    expect((await patch(b.slug, { status: 'published' })).status).toBe(200)
    seen = await view()
    expect(seen.html).toContain(local.paragraph)
    for (const html of seen.feeds) expect(html).toContain(local.feed)
    const deleted = await call(`/api/articles/${b.slug}`, { method: 'DELETE', headers: auth })
    expect(deleted.status).toBe(204)
    seen = await view()
    expect(seen.html).toContain(original.paragraph)
    expect(seen.html).toContain(original.page)
    for (const html of seen.feeds) expect(html).toContain(original.feed)
  })

  it('resolve when the linked article arrives in a bulk upload', async () => {
    const a = await store(JSON.stringify(keepers('bravo')))
    const before = await get(`/articles/${a.slug}`)
    expect(await before.text()).toContain(original.paragraph)
    const bulk = await SELF.fetch(`${ORIGIN}/api/articles/bulk`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/x-ndjson' },
      body: `${storm()}\n`,
    })
    expect(bulk.status).toBe(200)
    const after = await get(`/articles/${a.slug}`)
    expect(after.headers.get('X-Cache')).toBe('MISS')
    expect(await after.text()).toContain(local.paragraph)
  })

  it('never lead to a draft', async () => {
    const plan = 'https://coastal.example/2024/dredging-plan'
    const draft = await store(
      JSON.stringify({
        title: 'Harbor dredging plan',
        body: ['The plan would deepen the channel by two meters.'],
        sourceUrl: plan,
        status: 'draft',
      }),
    )
    const a = await store(
      JSON.stringify({
        title: 'Dredging hearing set for June',
        body: [
          {
            spans: [
              { text: 'Read ' },
              { text: 'the plan', href: plan },
              { text: ' or ' },
              { text: 'its summary', href: `/articles/${draft.slug}` },
              { text: ' first.' },
            ],
          },
        ],
      }),
    )
    const html = await (await get(`/articles/${a.slug}`)).text()
    expect(html).toContain(
      `Read <a href="${plan}" ${REL}>the plan</a> or <a href="/articles/harbor-dredging-plan">its summary</a> first.`,
    )
    const json = await (await get(`/api/articles/${a.slug}`)).text()
    expect(json).not.toContain('localHref')
  })
})

describe('the migration that fills link keys for stored articles', () => {
  it('writes the keys the code writes, from URLs as the parsers store them', async () => {
    const page = `<!doctype html><html lang="en"><head><title>Tide tables move online</title>
<link rel="canonical" href="https://Tides.example:443/2024/tables/?edition=2#top"></head><body><article>
<h1>Tide tables move online</h1>
<p>The harbor office will post <a href="/2024/tables.pdf#page=2">the tables</a> each week, as
<a href="HTTP://Coastal.example/2023/storm-closes-gull-point-light/">the storm story</a> urged, with
<a href="https://tides.example/?">an index</a> and <a href="/articles/keepers-return-to-gull-point-alpha/#x">the keepers</a>.</p>
<p>Mondays at <a href="https://tides.example/mon?x=1&amp;y=2#a">noon</a> for the week.</p>
</article></body></html>`
    const post = `---
title: Ferry schedule for the summer
---
Boats leave [every hour](https://ferries.example/summer//) from [the pier](/articles/pier-three?ref=a) and [the depot](/authors/x).
`
    const ids: string[] = []
    for (const [body, type] of [
      [page, 'text/html; charset=utf-8'],
      [post, 'text/markdown; charset=utf-8'],
    ] as const) {
      const res = await upload(body, { type })
      expect(res.status).toBe(201)
      ids.push(((await res.json()) as { id: string }).id)
    }
    const db = env.DB
    const these = `article_id IN ('${ids.join("', '")}')`
    const read = async () => ({
      keys: (
        await db
          .prepare(`SELECT slug, link_key FROM articles WHERE ${these.replace('article_id', 'id')}`)
          .all()
      ).results,
      links: (await db.prepare(`SELECT url_key FROM links WHERE ${these} ORDER BY 1`).all())
        .results,
    })
    const byCode = await read()
    expect(byCode.keys).toEqual([
      { slug: 'tide-tables-move-online', link_key: '//tides.example/2024/tables?edition=2' },
      { slug: 'ferry-schedule-for-the-summer', link_key: null },
    ])
    // A saved page's own relative links are its site's pages, not this site's.
    expect(byCode.links.map((l) => l.url_key)).toEqual([
      '//coastal.example/2023/storm-closes-gull-point-light',
      '//ferries.example/summer',
      '//tides.example',
      '//tides.example/2024/tables.pdf',
      '//tides.example/articles/keepers-return-to-gull-point-alpha',
      '//tides.example/mon?x=1&y=2',
      '/articles/pier-three',
    ])
    await db.batch([
      db.prepare(`UPDATE articles SET link_key = NULL WHERE ${these.replace('article_id', 'id')}`),
      db.prepare(`DELETE FROM links WHERE ${these}`),
    ])
    for (const statement of migration.split('--> statement-breakpoint').slice(-2)) {
      await db.prepare(statement).run()
    }
    expect(await read()).toEqual(byCode)
  })
})
