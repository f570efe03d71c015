import { describe, expect, it } from 'vitest'
import { article as articleSchema } from '../src/model/article'
import { get, ORIGIN, upload } from './helpers'

// Links, emphasis and images survive each format end to end: upload → article JSON → page →
// feeds. Hostile hrefs (javascript:, data:, vbscript:, //host) never render as links.

const REL = 'rel="noopener noreferrer nofollow"'

const HTML_PAGE = `<!doctype html><html lang="en"><head>
<title>Ferry fares rise in July</title>
<link rel="canonical" href="https://courier.example/2024/ferry-fares">
</head><body><article>
<h1>Ferry fares rise in July</h1>
<p>The board voted on Monday to raise fares, as <a href="/2024/budget">the budget</a> had warned, and <em>riders</em> have until <a href="https://city.example/hearing">the hearing</a> to comment on the plan.</p>
<figure><img src="/img/ferry.jpg" alt="The ferry at Pier 3"><figcaption>The 7:40 ferry leaves Pier 3. Photo: Sam Park</figcaption></figure>
<p>The new fares take effect on July 1, and the board will meet again in August to review them, <a href="javascript:alert(1)">it said</a>, with <a href="vbscript:msgbox(1)">riders</a> invited.</p>
</article></body></html>`

const MARKDOWN_POST = `---
title: Harbor notes from the week
---
The council met on *Monday* and read [the report](https://city.example/report) aloud, then [this](javascript:alert(1)), [that](data:text/html,x) and [the other](//evil.example/x).
Roses are red  
violets are blue.

![Ferry at night](https://blog.example/img/ferry.jpg "The 7:40 ferry")

Members said the budget would wait until [the next meeting](/articles/next-meeting).
`

const JSON_ARTICLE = {
  title: 'Seawall finished early',
  body: [
    {
      spans: [
        { text: 'Crews finished the seawall, ' },
        { text: 'two months early', strong: true },
        { text: ', the city ' },
        { text: 'said', href: 'https://city.example/news' },
        { text: '.' },
      ],
    },
    {
      type: 'figure',
      url: 'https://city.example/seawall.jpg',
      alt: 'The seawall',
      text: 'At high tide.',
      credit: 'City of Harbor',
    },
    'The project cost $14 million.',
  ],
}

async function stored(res: Response) {
  expect(res.status).toBe(201)
  const { slug } = (await res.json()) as { slug: string }
  const api = await get(`/api/articles/${slug}`)
  const json = articleSchema.parse(await api.json())
  const page = await (await get(`/articles/${slug}`)).text()
  return { slug, json, page }
}

async function feeds() {
  const atom = await (await get('/feed.xml')).text()
  const jsonFeed = (await (await get('/feed.json')).json()) as {
    items: { id: string; content_html: string }[]
  }
  return { atom, jsonFeed }
}

describe('links and images from a saved HTML page', () => {
  it('keeps them in the article JSON, the page and the feeds', async () => {
    const { slug, json, page } = await stored(
      await upload(HTML_PAGE, { type: 'text/html; charset=utf-8' }),
    )
    expect(json.body).toEqual([
      {
        type: 'paragraph',
        text: 'The board voted on Monday to raise fares, as the budget had warned, and riders have until the hearing to comment on the plan.',
        spans: [
          { text: 'The board voted on Monday to raise fares, as ' },
          { text: 'the budget', href: 'https://courier.example/2024/budget' },
          { text: ' had warned, and ' },
          { text: 'riders', em: true },
          { text: ' have until ' },
          { text: 'the hearing', href: 'https://city.example/hearing' },
          { text: ' to comment on the plan.' },
        ],
      },
      {
        type: 'figure',
        text: 'The 7:40 ferry leaves Pier 3.',
        url: 'https://courier.example/img/ferry.jpg',
        alt: 'The ferry at Pier 3',
        credit: 'Photo: Sam Park',
      },
      // javascript: and vbscript: links are text, so the paragraph is plain.
      {
        type: 'paragraph',
        text: 'The new fares take effect on July 1, and the board will meet again in August to review them, it said, with riders invited.',
      },
    ])
    expect(page).toContain(
      `<p>The board voted on Monday to raise fares, as <a href="https://courier.example/2024/budget" ${REL}>the budget</a> had warned, and <em>riders</em> have until <a href="https://city.example/hearing" ${REL}>the hearing</a> to comment on the plan.</p>`,
    )
    expect(page).toContain(
      '<figure><img src="https://courier.example/img/ferry.jpg" alt="The ferry at Pier 3" loading="lazy" decoding="async" referrerpolicy="no-referrer"/><figcaption>The 7:40 ferry leaves Pier 3. <span class="credit">Photo: Sam Park</span></figcaption></figure>',
    )
    expect(page).not.toMatch(/javascript:|vbscript:/)
    const { atom, jsonFeed } = await feeds()
    const item = jsonFeed.items.find((i) => i.id === `${ORIGIN}/articles/${slug}`)!
    expect(item.content_html).toContain(
      `as <a href="https://courier.example/2024/budget" ${REL}>the budget</a> had warned`,
    )
    expect(item.content_html).toContain('<img src="https://courier.example/img/ferry.jpg"')
    expect(atom).toContain(
      `as &lt;a href=&quot;https://courier.example/2024/budget&quot; rel=&quot;noopener noreferrer nofollow&quot;&gt;the budget&lt;/a&gt; had warned`,
    )
  })
})

describe('links and images from a Markdown post', () => {
  it('keeps them in the article JSON, the page and the feeds', async () => {
    const { slug, json, page } = await stored(
      await upload(MARKDOWN_POST, { type: 'text/markdown; charset=utf-8' }),
    )
    expect(json.body).toEqual([
      {
        type: 'paragraph',
        text: 'The council met on Monday and read the report aloud, then this, that and the other. Roses are red violets are blue.',
        spans: [
          { text: 'The council met on ' },
          { text: 'Monday', em: true },
          { text: ' and read ' },
          { text: 'the report', href: 'https://city.example/report' },
          { text: ' aloud, then this, that and the other. Roses are red' },
          { text: ' ', br: true },
          { text: 'violets are blue.' },
        ],
      },
      {
        type: 'figure',
        text: 'The 7:40 ferry',
        url: 'https://blog.example/img/ferry.jpg',
        alt: 'Ferry at night',
        credit: null,
      },
      {
        type: 'paragraph',
        text: 'Members said the budget would wait until the next meeting.',
        spans: [
          { text: 'Members said the budget would wait until ' },
          { text: 'the next meeting', href: '/articles/next-meeting' },
          { text: '.' },
        ],
      },
    ])
    expect(page).toContain(
      `<p>The council met on <em>Monday</em> and read <a href="https://city.example/report" ${REL}>the report</a> aloud, then this, that and the other. Roses are red<br/>violets are blue.</p>`,
    )
    // A link to this site's own page is a plain link, no rel.
    expect(page).toContain('until <a href="/articles/next-meeting">the next meeting</a>.</p>')
    expect(page).not.toMatch(/javascript:|data:text|evil\.example/)
    const { jsonFeed } = await feeds()
    const item = jsonFeed.items.find((i) => i.id === `${ORIGIN}/articles/${slug}`)!
    // In a feed, this site's paths are absolute.
    expect(item.content_html).toContain(
      `until <a href="${ORIGIN}/articles/next-meeting">the next meeting</a>.</p>`,
    )
    expect(item.content_html).toContain('Roses are red<br/>violets are blue.')
  })
})

describe('links and images from a JSON upload', () => {
  it('keeps the runs and the figure it sends', async () => {
    const { slug, json, page } = await stored(
      await upload(JSON.stringify(JSON_ARTICLE), { type: 'application/json' }),
    )
    expect(json.body).toEqual([
      {
        type: 'paragraph',
        text: 'Crews finished the seawall, two months early, the city said.',
        spans: [
          { text: 'Crews finished the seawall, ' },
          { text: 'two months early', strong: true },
          { text: ', the city ' },
          { text: 'said', href: 'https://city.example/news' },
          { text: '.' },
        ],
      },
      {
        type: 'figure',
        text: 'At high tide.',
        url: 'https://city.example/seawall.jpg',
        alt: 'The seawall',
        credit: 'City of Harbor',
      },
      { type: 'paragraph', text: 'The project cost $14 million.' },
    ])
    expect(page).toContain(
      `<p>Crews finished the seawall, <strong>two months early</strong>, the city <a href="https://city.example/news" ${REL}>said</a>.</p>`,
    )
    const { atom } = await feeds()
    expect(atom).toContain('&lt;strong&gt;two months early&lt;/strong&gt;')
    expect(slug).toBe('seawall-finished-early')
  })

  it('refuses a hostile href with 400 invalid_field, naming where it is', async () => {
    for (const href of [
      'javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//evil.example/',
    ]) {
      const body = { title: 'T', body: [{ spans: [{ text: 'a', href }] }] }
      const res = await upload(JSON.stringify(body), { type: 'application/json' })
      expect(res.status, href).toBe(400)
      expect(await res.json()).toEqual({
        error: {
          code: 'invalid_field',
          message: 'body[0].spans[0].href: an absolute http(s) URL or a path on this site (/…)',
        },
      })
    }
  })
})

// List items keep their links and emphasis as `itemSpans`, aligned to `items`.
describe('list items carry their links and emphasis', () => {
  it('from a saved HTML page', async () => {
    const html = `<!doctype html><html lang="en"><head><title>What changes at the ferry terminal</title>
<link rel="canonical" href="https://courier.example/2024/terminal"></head><body><article>
<h1>What changes at the ferry terminal</h1>
<p>The terminal reopens on Monday after a year of work, and the board listed what riders will find there when it does.</p>
<ul><li>Fares for <a href="/2024/seniors">seniors</a> stay the same as last year</li><li><em>Bikes</em> ride free on every weekday boat</li><li><a href="javascript:alert(1)">Tap here</a> for the new timetable and the <a href="data:text/html,x">map</a> of the piers</li></ul>
</article></body></html>`
    const { json, page } = await stored(await upload(html, { type: 'text/html; charset=utf-8' }))
    expect(json.body[1]).toEqual({
      type: 'list',
      ordered: false,
      items: [
        'Fares for seniors stay the same as last year',
        'Bikes ride free on every weekday boat',
        'Tap here for the new timetable and the map of the piers',
      ],
      itemSpans: [
        [
          { text: 'Fares for ' },
          { text: 'seniors', href: 'https://courier.example/2024/seniors' },
          { text: ' stay the same as last year' },
        ],
        [{ text: 'Bikes', em: true }, { text: ' ride free on every weekday boat' }],
        // Its hrefs may not be links: the item is plain text.
        null,
      ],
    })
    expect(page).toContain(
      `<ul><li>Fares for <a href="https://courier.example/2024/seniors" ${REL}>seniors</a> stay the same as last year</li>` +
        '<li><em>Bikes</em> ride free on every weekday boat</li>' +
        '<li>Tap here for the new timetable and the map of the piers</li></ul>',
    )
    expect(page).not.toMatch(/javascript:|data:text/)
  })

  it('from a Markdown post, nested items included', async () => {
    const post = `---
title: Ferry terminal changes
---
The terminal reopens on Monday.

1. Fares for [seniors](https://city.example/fares) stay the same
2. **Bikes** ride free
   - on weekdays *only*
3. [Tap here](javascript:alert(1)) for the [map](data:text/html,x), or see [the timetable](/articles/ferry-timetable)
`
    const { slug, json, page } = await stored(
      await upload(post, { type: 'text/markdown; charset=utf-8' }),
    )
    expect(json.body[1]).toEqual({
      type: 'list',
      ordered: true,
      items: [
        'Fares for seniors stay the same',
        'Bikes ride free',
        'on weekdays only',
        'Tap here for the map, or see the timetable',
      ],
      itemSpans: [
        [
          { text: 'Fares for ' },
          { text: 'seniors', href: 'https://city.example/fares' },
          { text: ' stay the same' },
        ],
        [{ text: 'Bikes', strong: true }, { text: ' ride free' }],
        [{ text: 'on weekdays ' }, { text: 'only', em: true }],
        [
          { text: 'Tap here for the map, or see ' },
          { text: 'the timetable', href: '/articles/ferry-timetable' },
        ],
      ],
    })
    expect(page).toContain(
      `<ol><li>Fares for <a href="https://city.example/fares" ${REL}>seniors</a> stay the same</li>` +
        '<li><strong>Bikes</strong> ride free</li><li>on weekdays <em>only</em></li>' +
        '<li>Tap here for the map, or see <a href="/articles/ferry-timetable">the timetable</a></li></ol>',
    )
    expect(page).not.toMatch(/javascript:|data:text/)
    const { jsonFeed } = await feeds()
    const item = jsonFeed.items.find((i) => i.id === `${ORIGIN}/articles/${slug}`)!
    expect(item.content_html).toContain(
      `<li>Tap here for the map, or see <a href="${ORIGIN}/articles/ferry-timetable">the timetable</a></li></ol>`,
    )
  })

  it('from a JSON upload, which may send a list read from the API back', async () => {
    const list = {
      type: 'list',
      ordered: true,
      items: ['Call the harbor office', 'Bring ID'],
      itemSpans: [
        [{ text: 'Call ' }, { text: 'the harbor office', href: 'https://city.example/harbor' }],
        null,
      ],
    }
    const { json, page } = await stored(
      await upload(JSON.stringify({ title: 'Before you sail', body: ['Two steps.', list] }), {
        type: 'application/json',
      }),
    )
    expect(json.body[1]).toEqual(list)
    expect(page).toContain(
      `<ol><li>Call <a href="https://city.example/harbor" ${REL}>the harbor office</a></li><li>Bring ID</li></ol>`,
    )
    const { atom } = await feeds()
    expect(atom).toContain(
      '&lt;li&gt;Call &lt;a href=&quot;https://city.example/harbor&quot; rel=&quot;noopener noreferrer nofollow&quot;&gt;the harbor office&lt;/a&gt;&lt;/li&gt;',
    )
    // Plain items stay plain: no itemSpans at all.
    const plain = await stored(
      await upload(
        JSON.stringify({
          title: 'Packing list',
          body: [{ type: 'list', items: ['Life jacket', 'Water'] }],
        }),
        { type: 'application/json' },
      ),
    )
    expect(plain.json.body).toEqual([
      { type: 'list', ordered: false, items: ['Life jacket', 'Water'] },
    ])
    expect(plain.page).toContain('<ul><li>Life jacket</li><li>Water</li></ul>')
  })

  it('refuses a hostile or misaligned list with 400 invalid_field, naming where it is', async () => {
    const cases: [unknown, string][] = [
      [
        { items: ['a'], itemSpans: [[{ text: 'a', href: 'javascript:alert(1)' }]] },
        'body[0].itemSpans[0][0].href: an absolute http(s) URL or a path on this site (/…)',
      ],
      [
        { items: ['a'], itemSpans: [[{ text: 'a', href: 'data:text/html,x' }]] },
        'body[0].itemSpans[0][0].href: an absolute http(s) URL or a path on this site (/…)',
      ],
      [
        { items: ['a', 'b'], itemSpans: [null, [{ text: 'c', em: true }]] },
        'body[0].itemSpans[1]: null, or runs whose texts joined are items[1] (one entry an item)',
      ],
      [
        { items: ['a', 'b'], itemSpans: [null] },
        'body[0].itemSpans[1]: null, or runs whose texts joined are items[1] (one entry an item)',
      ],
    ]
    for (const [list, message] of cases) {
      const body = { title: 'T', body: [{ type: 'list', ...(list as object) }] }
      const res = await upload(JSON.stringify(body), { type: 'application/json' })
      expect(res.status, message).toBe(400)
      expect(await res.json()).toEqual({ error: { code: 'invalid_field', message } })
    }
  })
})
