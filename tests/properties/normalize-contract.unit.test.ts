import fc from 'fast-check'
import { describe, it } from 'vitest'
import type { SourceFormat } from '../../src/model/article'
import {
  anyText,
  ARCHIVE_PIECES,
  HTML_PIECES,
  jsonText,
  MARKDOWN_PIECES,
  soup,
  YAML_PIECES,
} from './arbitraries'
import { obeysContract } from './contract'

const FORMATS: SourceFormat[] = ['text', 'json', 'markdown', 'html']

const frontMatter = fc
  .tuple(soup(YAML_PIECES, 30), soup(MARKDOWN_PIECES))
  .map(([yaml, body]) => `---\n${yaml}\n---\n${body}`)

/** Inputs shaped like each format, so the parsers get past their first checks. */
const shaped: Record<SourceFormat, fc.Arbitrary<string>> = {
  text: soup(ARCHIVE_PIECES),
  json: jsonText,
  markdown: fc.oneof(soup(MARKDOWN_PIECES), frontMatter),
  html: soup(HTML_PIECES),
}

const property = (format: SourceFormat, input: fc.Arbitrary<string>, numRuns: number) =>
  fc.assert(
    fc.property(input, (text) => obeysContract(format, text)),
    { numRuns },
  )

describe.each(FORMATS)('normalizeUpload, format %s', (format) => {
  it('returns an article or throws an IngestError for any text', () => {
    property(format, anyText(400), 1500)
  })

  it('does the same for text shaped like the format', () => {
    property(format, shaped[format], 1500)
  })

  it('does the same past 10,000 blank lines', () => {
    const input = fc
      .tuple(shaped[format], shaped[format])
      .map(([head, tail]) => `${head}${'\n'.repeat(10_000)}${tail}`)
    property(format, input, 20)
  })

  it('does the same for one line of about 1 MB', { timeout: 30_000 }, () => {
    const input = fc
      .tuple(fc.oneof(anyText(12), shaped[format]), fc.constantFrom('', '# T\n\n', 'T\n\n'))
      .filter(([unit]) => unit.length > 0)
      .map(([unit, head]) => {
        const line = unit.replace(/[\r\n\u2028\u2029]/g, ' ')
        return head + line.repeat(Math.ceil(2 ** 20 / line.length))
      })
    property(format, input, 3)
  })
})

describe.each(FORMATS)('normalizeUpload, format %s, about 1 MB of short lines', (format) => {
  it('returns an article or throws an IngestError', { timeout: 30_000 }, () => {
    // One sentence a line is how some archive files come; a hundred thousand of them is not.
    const line = fc.oneof(fc.constantFrom('A.', 'Yes!', '- a', '> a', '<p>a', '"a",'), anyText(12))
    const input = fc
      .tuple(line, fc.constantFrom('\n', '\r\n', '\n\n'))
      .map(
        ([unit, end]) => `Title\n${`${unit}${end}`.repeat(Math.ceil(2 ** 20 / (unit.length + 2)))}`,
      )
    property(format, input, 3)
  })
})

describe('normalizeUpload, format json', () => {
  it('turns nesting too deep for JSON.parse or zod into an IngestError', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`
    const input = fc
      .tuple(
        fc.constantFrom('body', 'title', 'authors', 'related', 'image'),
        fc.integer({ min: 1, max: 100_000 }),
      )
      .map(([key, depth]) => `{"title":"T","body":"B","${key}":${nested(depth)}}`)
    property('json', input, 10)
    for (const depth of [10_000, 100_000]) obeysContract('json', nested(depth))
  })
})
