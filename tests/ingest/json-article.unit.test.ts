import { describe, expect, it } from 'vitest'
import { normalizeUpload, parseJsonArticle } from '../../src/ingest'
import { failure } from './failure'

const json = (value: unknown, meta = {}) =>
  normalizeUpload({ format: 'json', text: JSON.stringify(value) }, meta)

const minimal = {
  title: 'PAKISTAN: Islamabad won’t tolerate U.S. boots on the ground',
  body: 'Pakistan on Thursday rejected Washington’s allegations.',
}

describe('valid JSON uploads', () => {
  it('derives kicker, headline, slug and tag from the title', () => {
    const a = json(minimal)
    expect(a.kicker).toBe('PAKISTAN')
    expect(a.headline).toBe('Islamabad won’t tolerate U.S. boots on the ground')
    expect(a.slug).toBe('pakistan-islamabad-wont-tolerate-us-boots-on-the-ground')
    expect(a.tags).toEqual([{ name: 'PAKISTAN', slug: 'pakistan' }])
    expect(a.body).toEqual([
      { type: 'paragraph', text: 'Pakistan on Thursday rejected Washington’s allegations.' },
    ])
    expect(a.authors).toEqual([])
    expect(a.dateline).toBeNull()
    expect(a.wordCount).toBe(6)
  })

  it('splits a string body on blank lines and joins the lines inside a paragraph', () => {
    const a = json({
      ...minimal,
      body: 'First line\nstill first.\r\n\r\n\n  Second\u00A0one.  \n\n\n',
    })
    expect(a.body.map((b) => ('text' in b ? b.text : ''))).toEqual([
      'First line still first.',
      'Second one.',
    ])
  })

  it('takes every field in its long and short forms', () => {
    const a = json({
      title: 'Engineers who hacked traffic signals sentenced',
      body: ['First paragraph.', '', '  ', 'Second paragraph.'],
      authors: ['Jane Roe', { name: 'John Doe' }, { name: 'jane roe' }],
      kicker: 'L.A. NOW',
      dateline: 'LOS ANGELES',
      related: [
        'Traffic grid upgrade approved',
        { title: 'Signals study', url: 'https://example.com/a' },
      ],
      publishedAt: '2009-12-01T07:17:00-08:00',
      sourceUrl: 'https://latimesblogs.latimes.com/lanow/2009/12/engineers.html',
      tags: ['Traffic', { name: 'l.a. now' }, 'Courts'],
      captions: ['Photo: A signal. Credit: Jane Roe / Los Angeles Times'],
      notices: [],
    })
    expect(a.body).toHaveLength(2)
    expect(a.authors).toEqual([
      { name: 'Jane Roe', slug: 'jane-roe' },
      { name: 'John Doe', slug: 'john-doe' },
    ])
    expect(a.kicker).toBe('L.A. NOW')
    expect(a.headline).toBe('Engineers who hacked traffic signals sentenced')
    expect(a.dateline).toBe('LOS ANGELES')
    expect(a.related).toEqual([
      { title: 'Traffic grid upgrade approved', url: null },
      { title: 'Signals study', url: 'https://example.com/a' },
    ])
    expect(a.publishedAt).toBe('2009-12-01T15:17:00.000Z')
    expect(a.sourceUrl).toBe('https://latimesblogs.latimes.com/lanow/2009/12/engineers.html')
    expect(a.tags).toEqual([
      { name: 'L.A. NOW', slug: 'la-now' },
      { name: 'Traffic', slug: 'traffic' },
      { name: 'Courts', slug: 'courts' },
    ])
    expect(a.captions).toEqual(['Photo: A signal. Credit: Jane Roe / Los Angeles Times'])
  })

  it('strips an explicit kicker from the headline and honors an explicit null kicker', () => {
    expect(json({ ...minimal, kicker: 'PAKISTAN' }).headline).toBe(
      'Islamabad won’t tolerate U.S. boots on the ground',
    )
    const none = json({ ...minimal, kicker: null })
    expect(none.kicker).toBeNull()
    expect(none.headline).toBe(minimal.title)
    expect(none.tags).toEqual([])
  })

  it('lets the body win over the meta, and the meta fill what the body lacks', () => {
    const meta = { publishedAt: '2011-09-22', sourceUrl: 'https://example.com/meta' }
    expect(json(minimal, meta)).toMatchObject(meta)
    expect(json({ ...minimal, publishedAt: '2011-09-23', sourceUrl: null }, meta)).toMatchObject({
      publishedAt: '2011-09-23',
      sourceUrl: 'https://example.com/meta',
    })
    expect(json({ ...minimal, publishedAt: ' ' }, { publishedAt: '' })).toMatchObject({
      publishedAt: null,
    })
  })

  it('cuts a long summary at a word boundary', () => {
    const long = `${'word '.repeat(100)}end.`
    const a = json({ ...minimal, body: long })
    expect(a.summary).toBe(`${'word '.repeat(56).trim()}…`)
    expect(a.summary.length).toBeLessThanOrEqual(280)
    expect(a.wordCount).toBe(101)
  })

  it('accepts a BOM before the JSON', () => {
    const a = normalizeUpload({ format: 'json', text: `\uFEFF${JSON.stringify(minimal)}` }, {})
    expect(a.title).toBe(minimal.title)
  })

  it('takes an already-parsed value', () => {
    expect(parseJsonArticle(minimal, {}).kicker).toBe('PAKISTAN')
  })
})

describe('JSON upload errors', () => {
  it('invalid_json (400)', () => {
    const e = failure(() => normalizeUpload({ format: 'json', text: '{"title": "x",' }, {}))
    expect([e.status, e.code]).toEqual([400, 'invalid_json'])
  })

  it('invalid_field (400) for a value that is not an object', () => {
    for (const value of [null, [], 'text', 3]) {
      const e = failure(() => json(value))
      expect([e.status, e.code, e.message]).toEqual([
        400,
        'invalid_field',
        'the JSON value: expected an object',
      ])
    }
  })

  it('invalid_field (400) naming an unknown key', () => {
    const e = failure(() => json({ ...minimal, autors: ['Jane Roe'] }))
    expect([e.status, e.code]).toEqual([400, 'invalid_field'])
    expect(e.message).toMatch(
      /^the JSON value: unknown field "autors" \(known fields: title, body, /,
    )
    const nested = failure(() => json({ ...minimal, authors: [{ name: 'A B', url: 'x' }] }))
    expect(nested.message).toBe('authors[0]: unknown field "url"')
  })

  it('invalid_field (400) naming the path of a wrong type', () => {
    const cases: [unknown, string][] = [
      [{ ...minimal, title: 3 }, 'title: expected string'],
      [{ ...minimal, body: 5 }, 'body: expected a string or an array of body entries'],
      [
        { ...minimal, body: ['ok', 7] },
        'body[1]: expected a string, an object { spans }, { type: "list", items } or { type: "figure", url }',
      ],
      [{ ...minimal, authors: 'Jane Roe' }, 'authors: expected array'],
      [{ ...minimal, authors: [3] }, 'authors[0]: expected a string or an object { name }'],
      [{ ...minimal, authors: [{ name: 3 }] }, 'authors[0].name: expected string'],
      [{ ...minimal, related: [{ url: 'https://a.b' }] }, 'related[0].title: expected string'],
      [{ ...minimal, captions: [null] }, 'captions[0]: expected string'],
    ]
    for (const [value, message] of cases) {
      const e = failure(() => json(value))
      expect([e.status, e.code, e.message]).toEqual([400, 'invalid_field', message])
    }
  })

  it('invalid_field (400) for a bad date or URL', () => {
    const cases: [unknown, string][] = [
      [{ ...minimal, publishedAt: 'yesterday' }, 'publishedAt'],
      [{ ...minimal, publishedAt: '2011-02-30' }, 'publishedAt'],
      [{ ...minimal, publishedAt: '2011-09-22T10:00:00' }, 'publishedAt'],
      [{ ...minimal, sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
      [{ ...minimal, sourceUrl: '/relative/path' }, 'sourceUrl'],
      [{ ...minimal, related: [{ title: 'x', url: 'ftp://a.b/c' }] }, 'related[0].url'],
    ]
    for (const [value, field] of cases) {
      const e = failure(() => json(value))
      expect([e.status, e.code]).toEqual([400, 'invalid_field'])
      expect(e.message.startsWith(`${field}: expected `)).toBe(true)
    }
    const meta = failure(() => json(minimal, { publishedAt: '22/09/2011' }))
    expect([meta.code, meta.message.split(':')[0]]).toEqual(['invalid_field', 'publishedAt'])
  })

  it('missing_title (422)', () => {
    for (const value of [{ body: 'x' }, { title: null, body: 'x' }, { title: ' \n ', body: 'x' }]) {
      const e = failure(() => json(value))
      expect([e.status, e.code]).toEqual([422, 'missing_title'])
    }
  })

  it('empty_body (422)', () => {
    for (const body of [undefined, '', ' \n\n \u00A0', [], ['', '  ']]) {
      const e = failure(() => json({ title: 'A title', body }))
      expect([e.status, e.code]).toEqual([422, 'empty_body'])
    }
  })

  it('too_large (422) beyond the storage limits', () => {
    const cases: [unknown, string][] = [
      [{ ...minimal, title: 'x'.repeat(501) }, 'title: at most 500 characters allowed'],
      [{ ...minimal, authors: Array(201).fill('Jane Roe') }, 'authors: at most 200 items allowed'],
      [{ ...minimal, body: Array(5001).fill('p') }, 'body: at most 5000 items allowed'],
      [{ ...minimal, body: 'p\n\n'.repeat(5001) }, 'body: at most 5000 items allowed'],
    ]
    for (const [value, message] of cases) {
      const e = failure(() => json(value))
      expect([e.status, e.code, e.message]).toEqual([422, 'too_large', message])
    }
  })

  it('unsupported_format (415) for a format it does not know', () => {
    const e = failure(() => normalizeUpload({ format: 'pdf' as 'json', text: '%PDF' }, {}))
    expect([e.status, e.code]).toEqual([415, 'unsupported_format'])
  })
})

describe('an error names what it can show', () => {
  it('lists ten unknown keys, each cut short, and counts the rest', () => {
    const keys = Object.fromEntries(Array.from({ length: 90_000 }, (_, i) => [`k${i}`, 1]))
    const long = 'x'.repeat(500)
    let error: unknown
    try {
      parseJsonArticle({ title: 'T', body: ['B'], [long]: 1, ...keys }, {})
    } catch (caught) {
      error = caught
    }
    const message = (error as { message: string }).message
    expect(message.length).toBeLessThan(600)
    expect(message).toBe(
      `the JSON value: unknown fields "${'x'.repeat(59)}…", "k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8" and 89991 more (known fields: title, body, authors, kicker, dateline, related, publishedAt, sourceUrl, tags, captions, notices, modifiedAt, siteName, language, image, status, publishAt)`,
    )
  })
})
