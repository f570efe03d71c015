import { describe, expect, it } from 'vitest'
import { IngestError } from '../../../src/ingest'
import { parseWxrItem, WxrSplitter, wxrStatus, type WxrEvent } from '../../../src/ingest/wxr'
import { failure } from '../failure'
import { cutEvery, cutRandomly, run } from './chunks'
import fixture from './fixtures/harbor-gazette.wordpress.xml?raw'

const split = (text: string, size = 5) => run(new WxrSplitter(), cutEvery(text, size)).events
const kinds = (events: WxrEvent[]) => events.map((e) => e.kind)
const broken = (events: WxrEvent[]) => events.filter((e) => e.kind === 'broken')
const thirdItem = fixture.indexOf(
  '<item>',
  fixture.indexOf('<item>', fixture.indexOf('<item>') + 1) + 1,
)

describe('a cut-off export', () => {
  it('reports the item it ends in as broken, after the items before it', () => {
    const events = split(fixture.slice(0, thirdItem + 500))
    expect(kinds(events)).toEqual(['author', 'author', 'item', 'item', 'broken'])
    expect(events.at(-1)).toEqual({
      kind: 'broken',
      start: thirdItem,
      reason: 'the file ends inside this <item> (inside a cdata): it was cut off',
    })
  })

  it('reports where it ends when it ends between items', () => {
    const cut = thirdItem - 2
    expect(broken(split(fixture.slice(0, cut)))).toEqual([
      { kind: 'broken', start: cut, reason: 'the file ends before </rss>: it was cut off' },
    ])
  })

  it('reports an item cut inside a tag', () => {
    const cut = fixture.indexOf('<wp:status>', thirdItem) + 4
    expect(broken(split(fixture.slice(0, cut)))).toEqual([
      {
        kind: 'broken',
        start: thirdItem,
        reason: 'the file ends inside this <item> (inside a tag): it was cut off',
      },
    ])
  })

  it('reports every cut, wherever it falls, and only items whole', () => {
    for (let cut = 0; cut < fixture.length; cut += 97) {
      const events = split(fixture.slice(0, cut), 13)
      expect(events.filter((e) => e.kind === 'broken')).toHaveLength(1)
      for (const e of events) if (e.kind === 'item') expect(e.xml).toMatch(/<\/item>$/)
    }
  })
})

const wxr = (items: string) =>
  `<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>${items}</channel></rss>`

describe('not a WordPress export', () => {
  it.each([
    ['an empty file', '', { start: 0, reason: 'no <rss> element: not a WordPress export' }],
    [
      'plain text',
      'Dear editor,\nplease find attached.',
      { start: 0, reason: 'no <rss> element: not a WordPress export' },
    ],
    [
      'an Atom feed',
      '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title></entry></feed>',
      { start: 22, reason: 'the root element is <feed>, not <rss>: not a WordPress export' },
    ],
    [
      'an RSS feed',
      '<rss version="2.0"><channel><item><title>x</title></item></channel></rss>',
      { start: 0, reason: 'an RSS feed without the wp: namespace: not a WordPress export' },
    ],
    [
      'an HTML page',
      '<!doctype html><html><body><p>Hello</p></body></html>',
      { start: 15, reason: 'the root element is <html>, not <rss>: not a WordPress export' },
    ],
    [
      'JSON',
      '{"db": [{"data": {"posts": []}}]}',
      { start: 0, reason: 'no <rss> element: not a WordPress export' },
    ],
  ])('%s is one broken event', (_, text, expected) => {
    expect(split(text)).toEqual([{ kind: 'broken', ...expected }])
  })

  it('stops at content after </rss> (two exports run together)', () => {
    const item = '<item><guid>1</guid></item>'
    const one = wxr(item)
    const start = one.indexOf(item)
    expect(split(`${one}\n${one}`)).toEqual([
      { kind: 'item', xml: item, guid: '1', author: null, start, end: start + item.length },
      { kind: 'broken', start: one.length + 1, reason: '<rss> after </rss>' },
    ])
  })
})

describe('a damaged export', () => {
  it('reports an item that lost its </item> and reads the next', () => {
    const text = wxr('<item><guid>1</guid><title>a</title>\n<item><guid>2</guid></item>')
    const events = split(text)
    expect(events).toEqual([
      {
        kind: 'broken',
        start: text.indexOf('<item>'),
        reason: `this <item> has no </item>: what follows at ${text.lastIndexOf('<item>')} ends it`,
      },
      expect.objectContaining({ kind: 'item', guid: '2' }),
    ])
  })

  it('reports an item that </channel> closes', () => {
    const text = wxr('<item><guid>1</guid>')
    expect(kinds(split(text))).toEqual(['broken'])
  })

  it('refuses a tag too long to be one, and nesting too deep to be an export', () => {
    const long = wxr(`<item><title a="${'x'.repeat(20_000)}">t</title></item>`)
    expect(split(long, 1000)).toEqual([
      {
        kind: 'broken',
        start: long.indexOf('<item>'),
        reason: 'a tag longer than 16384 characters',
      },
    ])
    const deep = wxr(`${'<a>'.repeat(300)}${'</a>'.repeat(300)}`)
    expect(split(deep)).toEqual([
      {
        kind: 'broken',
        start: deep.indexOf('<a>') + 3 * 254,
        reason: 'elements nested deeper than 256',
      },
    ])
  })

  it('never throws, whatever bytes it is given', () => {
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const pieces = [
      '<',
      '>',
      '</',
      '<![CDATA[',
      ']]>',
      '<!--',
      '-->',
      '"',
      "'",
      '<item>',
      '</item>',
      '&',
      'é',
      '\n',
      'x',
    ]
    for (let round = 0; round < 200; round++) {
      const noise = Array.from(
        { length: 200 },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join('')
      const at = Math.floor(next() * fixture.length)
      const text = fixture.slice(0, at) + noise + fixture.slice(at)
      const { events } = run(new WxrSplitter(), cutRandomly(text, round, 30))
      for (const e of events) {
        if (e.kind !== 'item') continue
        expect(e.xml).toBe(text.slice(e.start, e.end))
        expect(() => wxrStatus(e.xml)).not.toThrow()
        try {
          parseWxrItem(e.xml)
        } catch (error) {
          expect(error).toBeInstanceOf(IngestError)
        }
      }
    }
  })
})

describe('an item that is not one', () => {
  it.each([
    ['nothing', '', 'the WXR item has no <item> element'],
    ['text', 'hello', 'the WXR item has text outside it'],
    [
      'another element',
      '<entry><title>x</title></entry>',
      'the WXR item holds <entry> outside <item>',
    ],
    [
      'a cut-off item',
      '<item><title>x</title><content:encoded><![CDATA[<p>Hi',
      'the WXR item is cut off inside a cdata',
    ],
    ['an unclosed item', '<item><title>x</title>', 'the WXR item is cut off'],
    ['two items', '<item></item><item></item>', 'the WXR item holds <item> outside <item>'],
  ])('%s is 400 invalid_wxr', (_, xml, message) => {
    const error = failure(() => parseWxrItem(xml))
    expect([error.status, error.code, error.message]).toEqual([400, 'invalid_wxr', message])
    expect(wxrStatus(xml)).toBeNull()
  })

  it('is 422 without a title or a body', () => {
    const noTitle = failure(() =>
      parseWxrItem('<item><content:encoded>Text.</content:encoded></item>'),
    )
    expect([noTitle.status, noTitle.code]).toEqual([422, 'missing_title'])
    const noBody = failure(() => parseWxrItem('<item><title>T</title></item>'))
    expect([noBody.status, noBody.code]).toEqual([422, 'empty_body'])
  })
})
