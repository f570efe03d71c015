import { describe, expect, it } from 'vitest'
import { normalizeUpload } from '../../src/ingest'
import { LIMITS } from '../../src/ingest/limits'
import { cleanSpans } from '../../src/ingest/spans'
import { failure } from './failure'

const html = (page: string, sourceUrl?: string) =>
  normalizeUpload({ format: 'html', text: page }, { sourceUrl })
const markdown = (text: string, sourceUrl?: string) =>
  normalizeUpload({ format: 'markdown', text }, { sourceUrl })
const json = (value: unknown) =>
  normalizeUpload({ format: 'json', text: JSON.stringify(value) }, {})

const HOSTILE = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  '//evil.example/x',
  '/\\evil.example/x',
]

describe('cleanSpans', () => {
  it('cleans runs as the text is cleaned: one space across run edges, trimmed, marks merged', () => {
    expect(
      cleanSpans(
        [
          { text: '  The  ' },
          { text: ' report\u00a0', href: 'https://a.example/' },
          { text: 'said', href: 'https://a.example/' },
          { text: '\n' },
          { text: '', br: true },
          { text: ' so. ' },
        ],
        'The report said so.',
      ),
    ).toEqual([
      { text: 'The ' },
      { text: 'report said', href: 'https://a.example/' },
      { text: ' ', br: true },
      { text: 'so.' },
    ])
  })

  it('is undefined when nothing is marked, or the runs cannot match the text', () => {
    expect(cleanSpans([{ text: 'a ' }, { text: 'b' }], 'a b')).toBeUndefined()
    expect(cleanSpans([{ text: 'a', em: true }], 'b')).toBeUndefined()
  })

  it('cuts the runs to text a parser lifted something off (a dateline, a byline line)', () => {
    const runs = [
      { text: 'BEIRUT — The ' },
      { text: 'talks', em: true as const },
      { text: ' end.' },
    ]
    expect(cleanSpans(runs, 'The talks end.')).toEqual([
      { text: 'The ' },
      { text: 'talks', em: true },
      { text: ' end.' },
    ])
  })

  it('drops hrefs that may not be links, keeping their text', () => {
    for (const href of HOSTILE) {
      expect(
        cleanSpans(
          [
            { text: 'x', href },
            { text: ' y', em: true },
          ],
          'x y',
        ),
        href,
      ).toEqual([{ text: 'x' }, { text: ' y', em: true }])
    }
  })

  it('leaves a block of more runs than the bound as plain text', () => {
    const runs = Array.from({ length: LIMITS.spansPerBlock + 1 }, (_, i) =>
      i % 2 ? { text: ' ' } : { text: 'a', em: true as const },
    )
    const text = runs.map((r) => r.text).join('')
    expect(cleanSpans(runs, text.trim())).toBeUndefined()
  })
})

describe('hostile hrefs never become links', () => {
  it('in a saved page, with or without a URL to resolve against', () => {
    for (const href of HOSTILE) {
      const page = `<html><head><title>Harbor</title></head><body><article><h1>Harbor</h1><p>The board met on Monday to vote on the fares, and <a href="${href}">the report</a> was read aloud to the members.</p></article></body></html>`
      for (const base of [undefined, 'https://courier.example/a']) {
        const [block] = html(page, base).body
        // `//host` (and `/\\host`, which URL parsers read the same) against a page's URL is an
        // ordinary absolute link to that host, rendered with rel; without one it is nothing.
        const resolved = base && /^\/[/\\]/.test(href) ? 'https://evil.example/x' : undefined
        expect(block, `${href} ${base}`).toEqual(
          resolved
            ? {
                type: 'paragraph',
                text: 'The board met on Monday to vote on the fares, and the report was read aloud to the members.',
                spans: [
                  { text: 'The board met on Monday to vote on the fares, and ' },
                  { text: 'the report', href: resolved },
                  { text: ' was read aloud to the members.' },
                ],
              }
            : {
                type: 'paragraph',
                text: 'The board met on Monday to vote on the fares, and the report was read aloud to the members.',
              },
        )
      }
    }
  })

  it('in a Markdown post without a sourceUrl', () => {
    for (const href of HOSTILE) {
      const post = `# Harbor\n\nThe board read [the report](<${href}>) aloud.`
      expect(markdown(post).body, href).toEqual([
        { type: 'paragraph', text: 'The board read the report aloud.' },
      ])
    }
  })

  it('in a JSON upload: refused, 400 invalid_field naming the run', () => {
    for (const href of HOSTILE) {
      const e = failure(() =>
        json({ title: 'T', body: [{ spans: [{ text: 'x' }, { text: 'y', href }] }] }),
      )
      expect([e.status, e.code, e.message], href).toEqual([
        400,
        'invalid_field',
        'body[0].spans[1].href: an absolute http(s) URL or a path on this site (/…)',
      ])
    }
  })
})

describe('what runs cost', () => {
  it('count in the stored size, so a body of runs past it is 422 too_large', () => {
    // 160 paragraphs of 250 marked runs: 200 KB of text, but over 1.5 MB of runs as JSON.
    const block = {
      spans: Array.from({ length: 250 }, (_, i) => ({
        text: `w${i} `,
        href: `https://a.example/${i}`,
      })),
    }
    const body = Array.from({ length: 160 }, () => block)
    const e = failure(() => json({ title: 'T', body }))
    expect([e.status, e.code]).toEqual([422, 'too_large'])
    expect(e.message).toMatch(
      /^the article is \d+ bytes as stored \(normalized, as JSON\); at most 1500000 allowed$/,
    )
  })

  it('are bounded per block in a JSON upload', () => {
    const spans = Array.from({ length: LIMITS.spansPerBlock + 1 }, () => ({ text: 'a' }))
    const e = failure(() => json({ title: 'T', body: [{ spans }] }))
    expect([e.status, e.code, e.message]).toEqual([
      422,
      'too_large',
      'body[0].spans: at most 5000 items allowed',
    ])
  })
})

describe('figures per format', () => {
  it('a Markdown image past the first is a figure; the first is the lead image', () => {
    const a = markdown(
      '# Harbor\n\n![Pier](img/pier.jpg "The pier")\n\nText here.\n\n![Ferry](/img/ferry.jpg)\n',
      'https://blog.example/posts/harbor',
    )
    expect(a.image).toEqual({ url: 'https://blog.example/posts/img/pier.jpg', caption: 'The pier' })
    expect(a.body).toEqual([
      { type: 'paragraph', text: 'Text here.' },
      {
        type: 'figure',
        text: '',
        url: 'https://blog.example/img/ferry.jpg',
        alt: 'Ferry',
        credit: null,
      },
    ])
    expect([a.wordCount, a.summary]).toEqual([2, 'Text here.'])
  })

  it('a figure whose image may not be loaded stays a caption, never an image', () => {
    const a = html(
      '<html><head><title>Harbor</title></head><body><article><h1>Harbor</h1><p>The board met on Monday to vote on the fares, and the report was read aloud.</p><figure><img src="data:image/png;base64,AAAA"><figcaption>The pier at dawn.</figcaption></figure></article></body></html>',
    )
    expect(a.body.map((b) => b.type)).toEqual(['paragraph'])
    expect(a.captions).toEqual(['The pier at dawn.'])
  })

  it('a JSON figure must have an http(s) URL', () => {
    const e = failure(() =>
      json({ title: 'T', body: ['x', { type: 'figure', url: 'javascript:x' }] }),
    )
    expect([e.status, e.code, e.message]).toEqual([
      400,
      'invalid_field',
      'body[1].url: expected an absolute http(s) URL',
    ])
  })
})
