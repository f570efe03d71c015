import { describe, expect, it } from 'vitest'
import { IngestError, normalizeUpload } from '../../../src/ingest'
import { failure } from '../failure'
import newsJsonLd from './fixtures/news-jsonld.html?raw'

const html = (text: string) => normalizeUpload({ format: 'html', text }, {})

const codeOf = (text: string) => {
  const e = failure(() => html(text))
  return [e.status, e.code]
}

describe('pages that are no article', () => {
  it('missing_title (422) for an empty page or one with nothing to call a title', () => {
    expect(codeOf('')).toEqual([422, 'missing_title'])
    expect(codeOf('  \n\t ')).toEqual([422, 'missing_title'])
    expect(codeOf('<html><head></head><body><p>Text without any title.</p></body></html>')).toEqual(
      [422, 'missing_title'],
    )
  })

  it('empty_body (422) for a page with a title and no text', () => {
    expect(codeOf('<title>Just a title</title>')).toEqual([422, 'empty_body'])
    expect(codeOf('<title>Only chrome</title><nav><a href="/">Home</a></nav>')).toEqual([
      422,
      'empty_body',
    ])
  })

  it('a title from the <h1> when the page has no <title>', () => {
    const a = html('<h1>Bridge reopens after repairs</h1><p>Traffic moved again on Monday.</p>')
    expect(a.title).toBe('Bridge reopens after repairs')
    expect(a.body).toEqual([{ type: 'paragraph', text: 'Traffic moved again on Monday.' }])
  })
})

describe('inputs built to hurt', () => {
  it('1 MB of nested <div>s: too_complex (422), before anything is parsed', () => {
    const deep = `<title>Deep</title>${'<div>'.repeat(200_000)}<p>Bottom.</p>`
    const e = failure(() => html(deep))
    expect([e.status, e.code]).toEqual([422, 'too_complex'])
    expect(e.message).toBe(
      'the upload holds 200004 "<" (tag openers); at most 50000 are read (split it, or send it as another format)',
    )
  })

  it('nesting past 1,000 levels: too_large (422), without recursion', () => {
    const deep = `<title>Deep</title>${'<div>'.repeat(1001)}<p>Bottom.</p>`
    const e = failure(() => html(deep))
    expect([e.status, e.code]).toEqual([422, 'too_large'])
    expect(e.message).toBe('nesting: at most 1000 levels of elements allowed')
  })

  it('nesting under the limit flattens past 120 levels and keeps the text', () => {
    const a = html(`<title>Deep</title>${'<div>'.repeat(900)}<p>Found at the bottom.</p>`)
    expect(a.body).toEqual([{ type: 'paragraph', text: 'Found at the bottom.' }])
  })

  it('more paragraphs than can be stored: too_large (422) before reading them all', () => {
    const e = failure(() => html(`<title>Many</title>${'<p>One more line.</p>'.repeat(6000)}`))
    expect([e.status, e.code, e.message]).toEqual([
      422,
      'too_large',
      'body: at most 5000 items allowed',
    ])
  })

  it('text that is no HTML at all, and binary garbage, end in an IngestError', () => {
    let state = 7
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648)
    const garbage = Array.from({ length: 20_000 }, () => String.fromCharCode(next() % 0xd000)).join(
      '',
    )
    for (const text of [garbage, '<<<>>></p></div></html>', '<!-- never closed', '<![CDATA[']) {
      expect(() => html(text)).toThrow(IngestError)
    }
  })

  it('any cut of a real page either parses or fails with an IngestError', () => {
    for (let end = 0; end < newsJsonLd.length; end += 97) {
      try {
        html(newsJsonLd.slice(0, end))
      } catch (error) {
        expect(error).toBeInstanceOf(IngestError)
      }
    }
  })

  it('broken JSON-LD and broken meta values are ignored, not fatal', () => {
    const a = html(
      '<title>Fire station opens</title>' +
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>' +
        '<meta property="article:published_time" content="2021-02-30T25:00:00Z">' +
        '<link rel="canonical" href="http://[::1">' +
        '<p>The new station on Elm Street opened on Friday.</p>',
    )
    expect(a.title).toBe('Fire station opens')
    expect(a.publishedAt).toBeNull()
    expect(a.sourceUrl).toBeNull()
  })
})
