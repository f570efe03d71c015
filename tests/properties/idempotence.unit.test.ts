import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IngestError, normalizeUpload } from '../../src/ingest'
import type { NormalizedArticle, SourceFormat } from '../../src/model/article'
import { archivePost, jsonArticle } from './posts'
import { toArchiveText, toJson } from './render'

/** The article, or null when the input is one the normalizer rightly refuses. */
function normalized(format: SourceFormat, text: string): NormalizedArticle | null {
  try {
    return normalizeUpload({ format, text }, {})
  } catch (error) {
    if (error instanceof IngestError) return null
    throw error
  }
}

// Title, body, authors and related are what must survive; the renderers write every other field
// too, so the whole article is compared.
describe('normalizing a normalized article again yields the same article', () => {
  it('for archive posts written back as archive text', () => {
    fc.assert(
      fc.property(archivePost, (text) => {
        const first = normalized('text', text)
        if (first === null) return
        expect(normalizeUpload({ format: 'text', text: toArchiveText(first) }, {})).toEqual(first)
      }),
      { numRuns: 800 },
    )
  })

  it('for JSON articles written back as JSON', () => {
    fc.assert(
      fc.property(jsonArticle, (value) => {
        const first = normalized('json', JSON.stringify(value))
        if (first === null) return
        expect(normalizeUpload({ format: 'json', text: toJson(first) }, {})).toEqual(first)
      }),
      // `KICKER : …` lost its headline on the way back while kicker.ts read only `KICKER: …`.
      { numRuns: 800, examples: [[{ title: 'PAKISTAN : Islamabad won’t yield', body: 'B' }]] },
    )
  })
})
