import { describe, expect, it } from 'vitest'
import seed from '../../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { decodeUtf8, IngestError, normalizeUpload } from '../../src/ingest'
import { cleanInline, normalizeText } from '../../src/ingest/text-clean'

describe('decodeUtf8', () => {
  it('decodes UTF-8 and strips one leading BOM', () => {
    const bytes = new TextEncoder().encode('\uFEFFwon’t')
    expect(decodeUtf8(bytes)).toBe('won’t')
  })

  it('rejects bytes that are not UTF-8', () => {
    for (const bytes of [[0xff], [0xc3, 0x28], [0xe2, 0x80], [0xed, 0xa0, 0x80]]) {
      expect(() => decodeUtf8(new Uint8Array(bytes))).toThrow(
        expect.objectContaining({ status: 400, code: 'invalid_encoding' }),
      )
    }
  })
})

describe('text cleaning', () => {
  it('drops control characters and NUL but keeps newlines and words', () => {
    expect(normalizeText('a\u0000b\u0007c\r\nd\re\u2028f\u00A0g\u202Fh')).toBe('abc\nd\ne\nf g h')
  })

  it('drops half surrogate pairs but keeps whole ones', () => {
    expect(cleanInline('a\uD800b \uDC00c 😀')).toBe('ab c 😀')
  })

  it('composes to NFC and collapses whitespace without touching quotes', () => {
    expect(cleanInline("  Cafe\u0301 “quoted”\t\t and  'straight'  \n")).toBe(
      "Café “quoted” and 'straight'",
    )
  })

  it('is idempotent', () => {
    const messy = ' \uFEFFA\u00A0\u00A0b\r\n\r\nc\u0000  d '
    expect(cleanInline(cleanInline(messy))).toBe(cleanInline(messy))
    expect(normalizeText(normalizeText(messy))).toBe(normalizeText(messy))
  })
})

// A small deterministic generator: the same inputs on every run.
function random(seedValue: number) {
  let state = seedValue
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

describe('any input', () => {
  const next = random(42)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  const pieces = [
    ...seed.split(/(\n)/),
    '--',
    '—',
    ' -- ',
    'RELATED',
    'Related: ',
    'Photo: ',
    'Credit: ',
    '\r',
    '\r\n',
    '\n\n',
    '\u0000',
    '\uFEFF',
    '\u00A0',
    '\uD800',
    ':',
    'By ',
    'A',
    '(AP Photo/',
    ' / Getty Images',
    'December 1, 2009 | 7:17 am',
    '{',
    '"title"',
  ]

  it('throws nothing but IngestError for shuffled archive text', () => {
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: Math.floor(next() * 60) }, () => pick(pieces)).join('')
      try {
        const article = normalizeUpload({ format: 'text', text }, {})
        expect(article.body.length).toBeGreaterThan(0)
      } catch (error) {
        expect(error).toBeInstanceOf(IngestError)
      }
    }
  })

  it('throws nothing but IngestError for odd JSON values', () => {
    const values: unknown[] = [
      {},
      { title: {}, body: {} },
      { title: 'x', body: [[]] },
      { title: 'x', body: 'y', authors: [null] },
      { title: 'x', body: 'y', related: [{ title: 'r', url: 5 }] },
      { title: 'x', body: 'y', publishedAt: 20110922 },
      { title: 'x', body: 'y', __proto__: { evil: true } },
      JSON.parse('{"title":"x","body":"y","__proto__":{"polluted":1}}'),
      { title: '\uD800', body: '\u0000' },
      { title: 'x', body: 'y', publishedAt: '9999-12-31T23:59:59.999+14:00' },
    ]
    for (const value of values) {
      try {
        normalizeUpload({ format: 'json', text: JSON.stringify(value) }, {})
      } catch (error) {
        expect(error).toBeInstanceOf(IngestError)
      }
    }
    for (const text of ['', '[', '['.repeat(100000), 'null', '"x"', '1e999', '{"a":1}{']) {
      expect(() => normalizeUpload({ format: 'json', text }, {})).toThrow(IngestError)
    }
  })

  it('stays linear on long pathological lines', () => {
    const lines = [
      `${'A'.repeat(200000)} -- x`,
      `${'Courtesy of '.repeat(20000)}x`,
      `${'Jane Roe / '.repeat(20000)}Reuters`,
      `-- ${'Jane Roe and '.repeat(20000)}`,
      `T\n\n${'x\n\n'.repeat(4000)}`,
      `T\n\n${'-- Jane Roe\n\nHeadline without punctuation here\n\n'.repeat(2000)}`,
      `T\n\n${'((((('.repeat(40000)}`,
    ]
    // Their cost is measured in Node (tests/properties/growth.node.test.ts): in workerd the
    // clock only moves on I/O.
    for (const text of lines) {
      try {
        normalizeUpload({ format: 'text', text }, {})
      } catch (error) {
        expect(error).toBeInstanceOf(IngestError)
      }
    }
  })
})
