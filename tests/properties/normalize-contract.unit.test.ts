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

const FORMATS = ['text', 'json', 'markdown', 'html'] as const
type UploadFormat = (typeof FORMATS)[number]
const MB = 2 ** 20

const frontMatter = fc
  .tuple(soup(YAML_PIECES, 30), soup(MARKDOWN_PIECES))
  .map(([yaml, body]) => `---\n${yaml}\n---\n${body}`)

/** Inputs shaped like each format, so the parsers get past their first checks. */
const shaped: Record<UploadFormat, fc.Arbitrary<string>> = {
  text: soup(ARCHIVE_PIECES),
  json: jsonText,
  markdown: fc.oneof(soup(MARKDOWN_PIECES), frontMatter),
  html: soup(HTML_PIECES),
}

function property(
  format: SourceFormat,
  input: fc.Arbitrary<string>,
  numRuns: number,
  examples: string[] = [],
) {
  fc.assert(
    fc.property(input, (text) => obeysContract(format, text)),
    { numRuns, examples: examples.map((text) => [text]) },
  )
}

describe.each(FORMATS)(
  'normalizeUpload, format %s, returns an article or throws an IngestError',
  (format) => {
    it('for any text', () => {
      property(format, anyText(400), 1000)
    })

    it('for text shaped like the format', () => {
      property(format, shaped[format], 1000)
    })

    it('past 10,000 blank lines', () => {
      const input = fc
        .tuple(shaped[format], shaped[format])
        .map(([head, tail]) => `${head}${'\n'.repeat(10_000)}${tail}`)
      property(format, input, 20)
    })

    it('for one line of about 1 MB', { timeout: 60_000 }, () => {
      const unit = fc
        .oneof(anyText(12), shaped[format])
        .map((u) => u.replace(/[\r\n\u2028\u2029]/g, ' '))
      const head = fc.constantFrom('', '# T\n\n', 'T\n\n')
      // Entity-dense text: once quadratic in the HTML tree, which re-read the run at each entity.
      bigInputs(format, fc.tuple(head, unit), 2, [['', '▏🠦34&amp;']])
    })

    it('for about 1 MB of short lines', { timeout: 60_000 }, () => {
      const unit = fc.oneof(fc.constantFrom('- a', '> a', '<p>a', '"a",'), anyText(12))
      const end = fc.constantFrom('\n', '\r\n', '\n\n')
      const lines = fc.tuple(unit, end).map(([u, e]) => ['Title\n', u + e] as const)
      // One sentence a line, as some archive files come: once a RangeError from `push(...lines)`.
      bigInputs(format, lines, 2, [['Title\n', 'A.\n']])
    })
  },
)

/**
 * `head` then `unit` repeated to 128 KB, then to 1 MB: a parser quadratic in a run's length (once,
 * rope flattening per entity in the HTML tree) takes minutes here, and times the test out.
 */
function bigInputs(
  format: SourceFormat,
  input: fc.Arbitrary<readonly [string, string]>,
  numRuns: number,
  examples: (readonly [string, string])[] = [],
) {
  fc.assert(
    fc.property(input, ([head, unit]) => {
      for (const size of [MB / 8, MB]) {
        obeysContract(format, head + (unit || 'x').repeat(Math.ceil(size / (unit.length || 1))))
      }
    }),
    { numRuns, examples: examples.map((e) => [e]), endOnFailure: true },
  )
}

describe('normalizeUpload, format json, returns an article or throws an IngestError', () => {
  it('for nesting too deep for JSON.parse or zod', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`
    const keys = fc.constantFrom('body', 'title', 'authors', 'related', 'image')
    const input = fc
      .tuple(keys, fc.integer({ min: 1, max: 100_000 }))
      .map(([key, depth]) => `{"title":"T","body":"B","${key}":${nested(depth)}}`)
    property('json', input, 10, [nested(10_000), nested(100_000)])
  })
})
