import { describe, expect, it } from 'vitest'
import { WxrSplitter, type WxrEvent } from '../../../src/ingest/wxr'
import { chunkings, cutEvery, run } from './chunks'
import fixture from './fixtures/harbor-gazette.wordpress.xml?raw'

const split = (chunks: string[]) => run(new WxrSplitter(), chunks)

/** Where each `<item>` of the fixture starts and ends, found without parsing (its CDATA holds none). */
function itemSpans(text: string): { start: number; end: number }[] {
  const spans = []
  for (let start = text.indexOf('<item>'); start >= 0; start = text.indexOf('<item>', start + 1)) {
    spans.push({ start, end: text.indexOf('</item>', start) + '</item>'.length })
  }
  return spans
}

describe('a WordPress 6 export', () => {
  const { events } = split([fixture])

  it('names the channel’s authors: display name, else first and last name', () => {
    expect(events.filter((e) => e.kind === 'author')).toEqual([
      { kind: 'author', login: 'mkowalski', name: 'Marta Kowalski' },
      { kind: 'author', login: 'jbrennan', name: 'José Brennan' },
    ])
  })

  it('reports every item with its exact text, guid, author and offsets, in order', () => {
    const items = events.filter((e) => e.kind === 'item')
    expect(items.map(({ guid, author }) => [guid, author])).toEqual([
      ['https://harborgazette.example/?p=41', 'Marta Kowalski'],
      ['https://harborgazette.example/wp-content/uploads/2024/02/marguerite.jpg', 'Marta Kowalski'],
      ['https://harborgazette.example/?p=60', 'José Brennan'],
      ['https://harborgazette.example/?page_id=2', 'Marta Kowalski'],
      ['https://harborgazette.example/?p=70', 'José Brennan'],
    ])
    expect(items.map(({ start, end }) => ({ start, end }))).toEqual(itemSpans(fixture))
    for (const item of items) {
      expect(item.xml).toBe(fixture.slice(item.start, item.end))
      expect(item.xml).toMatch(/^<item>\n\t\t<title><!\[CDATA\[[\s\S]*<\/item>$/)
    }
  })

  it('reports authors before items and nothing broken', () => {
    expect(events.map((e) => e.kind)).toEqual([
      'author',
      'author',
      'item',
      'item',
      'item',
      'item',
      'item',
    ])
  })

  it.each(chunkings(fixture))('reports the same events cut into chunks: %s', (_, chunks) => {
    const largest = Math.max(...itemSpans(fixture).map((s) => s.end - s.start))
    const { events: streamed, held } = split(chunks)
    expect(streamed).toEqual(events)
    // Between writes: the item being read and a cut tag at most, never the file.
    expect(held).toBeLessThanOrEqual(largest + 16)
  })
})

describe('memory', () => {
  it('holds one item at a time however long the export', () => {
    const item = fixture.slice(itemSpans(fixture)[0]!.start, itemSpans(fixture)[0]!.end)
    const head = fixture.slice(0, fixture.indexOf('<item>'))
    const items = Array.from({ length: 500 }, (_, i) => item.replaceAll('?p=41', `?p=${1000 + i}`))
    const text = `${head}${items.join('\n\t')}\n</channel>\n</rss>\n`
    const { events, held } = split(cutEvery(text, 1000))
    expect(events.filter((e) => e.kind === 'item')).toHaveLength(500)
    expect(events.filter((e) => e.kind === 'broken')).toEqual([])
    expect(text.length).toBeGreaterThan(1_500_000)
    expect(held).toBeLessThanOrEqual(item.length + 16)
  })
})

const wxr = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">\n<channel>\n${items}\n</channel>\n</rss>\n`

describe('CDATA', () => {
  const item =
    '<item><title>Our feed, explained</title><guid isPermaLink="false">https://a.example/?p=9</guid>' +
    '<content:encoded><![CDATA[<p>Each story ends with </item> and the next starts with <item>.</p>' +
    '<p>A CDATA section ends with ]]]]><![CDATA[>, split in two.</p>]]></content:encoded></item>'
  const text = wxr(item)

  it.each(chunkings(text))('never ends an item at a </item> inside it: %s', (_, chunks) => {
    const { events } = split(chunks)
    expect(events).toEqual([
      {
        kind: 'item',
        xml: item,
        guid: 'https://a.example/?p=9',
        author: null,
        start: text.indexOf(item),
        end: text.indexOf(item) + item.length,
      },
    ])
  })

  it('reads a guid written as CDATA or with entities, and falls back to wp:post_id', () => {
    const items = [
      '<item><guid><![CDATA[https://a.example/?p=1&x]]></guid></item>',
      '<item><guid>https://a.example/?p=2&amp;x</guid></item>',
      '<item><wp:post_id>3</wp:post_id></item>',
      '<item><title>No id</title></item>',
    ]
    const { events } = split([wxr(items.join('\n'))])
    expect(events.map((e) => e.kind === 'item' && e.guid)).toEqual([
      'https://a.example/?p=1&x',
      'https://a.example/?p=2&x',
      '3',
      null,
    ])
  })
})

describe('item authors', () => {
  it('are the names of logins the channel listed before the item, else null', () => {
    const text = wxr(
      '<item><dc:creator>ana</dc:creator></item>' +
        '<wp:author><wp:author_login>ana</wp:author_login><wp:author_first_name>Ana</wp:author_first_name></wp:author>' +
        '<item><dc:creator><![CDATA[ana]]></dc:creator></item><item><dc:creator>bo</dc:creator></item>',
    )
    const { events } = split([text])
    expect(events.map((e) => (e.kind === 'item' ? e.author : e.kind))).toEqual([
      null,
      'author',
      'Ana',
      null,
    ])
  })
})

describe('an export PHP printed notices into', () => {
  it('skips the notices before the XML', () => {
    const notice =
      '<br />\n<b>Warning</b>:  Undefined array key "page" in <b>/srv/wp/functions.php</b> on line <b>12</b><br />\n'
    const { events } = split([notice + wxr('<item><guid>1</guid></item>')])
    expect(events.map((e) => e.kind)).toEqual(['item'])
  })
})

describe('offsets', () => {
  it('count UTF-16 code units of the whole input', () => {
    const text = wxr('<item><title>Café 🚢</title></item>\n<item><guid>2</guid></item>')
    const { events } = split(cutEvery(text, 3))
    const second = events[1] as Extract<WxrEvent, { kind: 'item' }>
    expect(text.slice(second.start, second.end)).toBe('<item><guid>2</guid></item>')
  })
})
