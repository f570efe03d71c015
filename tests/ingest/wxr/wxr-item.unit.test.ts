import { describe, expect, it } from 'vitest'
import { parseWxrItem, WxrSplitter, wxrStatus } from '../../../src/ingest/wxr'
import { failure } from '../failure'
import fixture from './fixtures/harbor-gazette.wordpress.xml?raw'

// The fixture's items by guid, as an import reads them: each with the author the splitter named.
const splitter = new WxrSplitter()
const events = [...splitter.write(fixture), ...splitter.end()]
const items = new Map(events.flatMap((e) => (e.kind === 'item' ? [[e.guid, e]] : [])))
const item = (guid: string) => items.get(`https://harborgazette.example/${guid}`)!.xml
const parse = (xml: string) => {
  const { author } = [...items.values()].find((e) => e.xml === xml)!
  return parseWxrItem(xml, { author })
}

describe('a classic-editor post', () => {
  const a = parse(item('?p=41'))

  it('takes title, link, date, author and terms from the item', () => {
    expect(a.title).toBe('Ferry fares rise for the first time since 2019')
    expect(a.slug).toBe('ferry-fares-rise-for-the-first-time-since-2019')
    expect(a.sourceUrl).toBe('https://harborgazette.example/2024/02/12/ferry-fares-rise/')
    expect(a.publishedAt).toBe('2024-02-12T14:30:00.000Z')
    expect(a.modifiedAt).toBe('2024-02-12T16:02:17.000Z')
    expect(a.authors).toEqual([{ name: 'Marta Kowalski', slug: 'marta-kowalski' }])
    expect(a.tags).toEqual([
      { name: 'Local News', slug: 'local-news' },
      { name: 'ferries', slug: 'ferries' },
      { name: 'Transit & Roads', slug: 'transit-roads' },
    ])
  })

  it('makes paragraphs of blank-line runs, joins their lines, and shows the photo as a figure', () => {
    expect(a.body).toEqual([
      {
        type: 'paragraph',
        text: 'The Harbor Ferry Authority voted 5–2 on Monday to raise fares for the first time since 2019, citing fuel costs and a new crew contract.',
      },
      {
        type: 'paragraph',
        text: 'An adult one-way ticket between Pier 4 and Île Verte will go from $3.50 to $4.25 on April 1. Seniors, students and riders with disabilities keep the half fare.',
      },
      {
        type: 'figure',
        text: 'The Marguerite leaves Pier 4 on a February morning.',
        url: 'https://harborgazette.example/wp-content/uploads/2024/02/marguerite-640x427.jpg',
        alt: 'The ferry Marguerite at Pier 4',
        credit: 'Photo: Marta Kowalski',
      },
      {
        type: 'paragraph',
        text: '“We held the line for five years,” said the board’s chair, Zoë Okafor. “Diesel alone costs us 38 percent more than it did then.”',
      },
      { type: 'heading', level: 3, text: 'When riders can weigh in' },
      {
        type: 'paragraph',
        text: 'The authority takes comments at its next meeting, on March 4 at 6 p.m. in the Customs House, and by email until Feb. 29.',
      },
    ])
    // The caption is the figure's, with its photo: none is left without one.
    expect(a.captions).toEqual([])
  })

  it('reads no comment, post meta or excerpt into the article', () => {
    expect(JSON.stringify(a)).not.toMatch(/7:15|_edit_last|gallery/)
    expect([a.related, a.notices, a.image, a.dateline]).toEqual([[], [], null, null])
  })
})

describe('a block-editor post', () => {
  const a = parse(item('?p=60'))

  it('reads blocks, not their delimiters', () => {
    expect(a.title).toBe('Seawall finished two months early')
    expect(a.authors).toEqual([{ name: 'José Brennan', slug: 'jose-brennan' }])
    expect(a.publishedAt).toBe('2024-02-23T17:05:00.000Z')
    expect(a.body).toEqual([
      {
        type: 'paragraph',
        text: 'Crews finished the seawall along Front Street on Thursday, two months ahead of schedule and $1.2 million under budget.',
      },
      { type: 'heading', level: 2, text: 'What changes for drivers' },
      { type: 'paragraph', text: 'The city will reopen Front Street in three stages:' },
      {
        type: 'list',
        ordered: true,
        items: [
          'Harbor Avenue to Mill Street on March 11',
          'Mill Street to Dock Road on March 18',
          'Dock Road to the ferry terminal on March 25',
        ],
      },
      {
        type: 'quote',
        text: 'The wall is built for the storm we expect in 2070, not the one we had in 2012. Priya Natarajan, city engineer',
      },
      {
        type: 'figure',
        text: 'The new seawall at high tide on Thursday.',
        url: 'https://harborgazette.example/wp-content/uploads/2024/02/seawall-1024x683.jpg',
        alt: '',
        credit: 'Photo: José Brennan',
      },
      {
        type: 'paragraph',
        text: 'The $14 million project was paid for by a 2021 state resilience grant and the city’s harbor fund.',
      },
    ])
    expect(a.captions).toEqual([])
  })

  it('drops "Uncategorized" and post formats from the tags', () => {
    expect(a.tags).toEqual([{ name: 'Local News', slug: 'local-news' }])
  })
})

describe('a draft', () => {
  const xml = item('?p=70')
  const a = parse(xml)

  it('is read like a post, with no publication date (its dates are zero and -0001)', () => {
    expect(wxrStatus(xml)).toBe('draft')
    expect(a.title).toBe('Council weighs a 10:30 p.m. curfew for Pier 4 bars')
    expect(a.publishedAt).toBeNull()
    expect(a.modifiedAt).toBe('2024-02-28T21:44:51.000Z')
    expect(a.sourceUrl).toBe('https://harborgazette.example/?p=70')
    expect(a.body).toEqual([
      {
        type: 'paragraph',
        text: 'Two council members want bars on Pier 4 to stop serving at 10:30 p.m. on weeknights, after a summer of complaints from neighbors in the Lofts.',
      },
      {
        type: 'paragraph',
        text: 'Owners say it would end live music on the pier. “Nobody plays a set at nine,” said Ana Souza, who runs Salt & Anchor.',
      },
    ])
  })

  it('names the login when the splitter resolved no name', () => {
    expect(parseWxrItem(xml).authors).toEqual([{ name: 'jbrennan', slug: 'jbrennan' }])
  })
})

describe('items that are not posts', () => {
  it.each([
    ['wp-content/uploads/2024/02/marguerite.jpg', 'attachment', 'inherit'],
    ['?page_id=2', 'page', 'publish'],
  ])('%s is 422 not_an_article', (guid, type, status) => {
    const xml = item(guid)
    const error = failure(() => parse(xml))
    expect([error.status, error.code, error.message]).toEqual([
      422,
      'not_an_article',
      `the item is a WordPress ${type}, not a post`,
    ])
    expect(wxrStatus(xml)).toBe(status)
  })

  it('refuses a menu item', () => {
    const xml =
      '<item><title>Home</title><wp:post_type><![CDATA[nav_menu_item]]></wp:post_type></item>'
    expect(failure(() => parseWxrItem(xml)).code).toBe('not_an_article')
  })
})

const post = (fields: string) =>
  `<item><title>Shortcodes</title><wp:post_type>post</wp:post_type>${fields}</item>`
const body = (content: string) =>
  parseWxrItem(post(`<content:encoded><![CDATA[${content}]]></content:encoded>`))

describe('content', () => {
  it('reads an old caption given as an attribute, and drops media shortcodes with their URL', () => {
    const a = body(
      '[caption id="" align="alignleft" width="300" caption="The pier in 1962. Photo: Harbor Historical Society"]<img src="/pier.jpg" />[/caption]\n\n' +
        '[embed]https://www.youtube.com/watch?v=abc123[/embed]\n\nThe pier opened in 1911 and burned in 1962.',
    )
    expect(a.captions).toEqual(['The pier in 1962. Photo: Harbor Historical Society'])
    expect(a.body).toEqual([
      { type: 'paragraph', text: 'The pier opened in 1911 and burned in 1962.' },
    ])
  })

  it('keeps what page builders wrap and bracketed words that are no shortcode', () => {
    const a = body(
      '[vc_row][vc_column width="1/2"][vc_column_text]The mayor said the budget was “balanced [sic] and fair.”[/vc_column_text][/vc_column][/vc_row]\n\n[contact-form-7 id="12" title="Tips"]',
    )
    expect(a.body).toEqual([
      { type: 'paragraph', text: 'The mayor said the budget was “balanced [sic] and fair.”' },
    ])
  })

  it('reads headings, lists and quotes a classic post wrote as HTML between its paragraphs', () => {
    const a = body(
      'First paragraph, with a line\nbreak.\n<h2>Why it matters</h2>\nSecond paragraph.\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n<blockquote>Quoted line one.\n\nQuoted line two.</blockquote>\nLast.',
    )
    expect(a.body).toEqual([
      { type: 'paragraph', text: 'First paragraph, with a line break.' },
      { type: 'heading', level: 2, text: 'Why it matters' },
      { type: 'paragraph', text: 'Second paragraph.' },
      { type: 'list', ordered: false, items: ['One', 'Two'] },
      { type: 'quote', text: 'Quoted line one. Quoted line two.' },
      { type: 'paragraph', text: 'Last.' },
    ])
  })

  it('joins a CDATA section split to hold "]]>" and reads "</item>" in it as markup', () => {
    const a = body(
      '<p>Sections end with ]]]]><![CDATA[>, which WordPress splits in two.</p><p>An item ends with <code>&lt;/item&gt;</code>, not </item>.</p>',
    )
    expect(a.body).toEqual([
      { type: 'paragraph', text: 'Sections end with ]]>, which WordPress splits in two.' },
      { type: 'paragraph', text: 'An item ends with </item>, not .' },
    ])
  })

  it('reads a title with markup or escaped entities as text', () => {
    const a = parseWxrItem(
      '<item><title><![CDATA[Q&amp;A: <em>Why</em> the ferry costs more]]></title><content:encoded>Text.</content:encoded></item>',
    )
    expect(a.title).toBe('Q&A: Why the ferry costs more')
  })
})

describe('dates', () => {
  const dated = (fields: string) =>
    parseWxrItem(post(`${fields}<content:encoded>Text.</content:encoded>`)).publishedAt

  it.each([
    ['<wp:post_date_gmt>2011-09-22 18:04:05</wp:post_date_gmt>', '2011-09-22T18:04:05.000Z'],
    ['<pubDate>Thu, 22 Sep 2011 18:04:05 +0000</pubDate>', '2011-09-22T18:04:05.000Z'],
    ['<pubDate>Thu, 22 Sep 2011 14:04:05 -0400</pubDate>', '2011-09-22T18:04:05.000Z'],
    [
      '<wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt><pubDate>Thu, 22 Sep 2011 18:04:05 GMT</pubDate>',
      '2011-09-22T18:04:05.000Z',
    ],
    ['<wp:post_date_gmt>2011-02-30 10:00:00</wp:post_date_gmt>', null],
    ['<pubDate>Mon, 30 Nov -0001 00:00:00 +0000</pubDate>', null],
    ['<pubDate>yesterday</pubDate>', null],
  ])('%s → %s', (fields, expected) => {
    expect(dated(fields)).toBe(expected)
  })
})
