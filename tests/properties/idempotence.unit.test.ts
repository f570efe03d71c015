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

const essentials = (a: NormalizedArticle) => ({
  title: a.title,
  body: a.body,
  authors: a.authors,
  related: a.related,
})

describe('normalizing a normalized article again changes nothing', () => {
  it('for archive posts written back as archive text', () => {
    fc.assert(
      fc.property(archivePost, (text) => {
        const first = normalized('text', text)
        if (first === null) return
        const again = normalizeUpload({ format: 'text', text: toArchiveText(first) }, {})
        expect(again).toEqual(first)
      }),
      { numRuns: 3000 },
    )
  })

  it('for JSON articles written back as JSON', () => {
    fc.assert(
      fc.property(jsonArticle, (value) => {
        const first = normalized('json', JSON.stringify(value))
        if (first === null) return
        const again = normalizeUpload({ format: 'json', text: toJson(first) }, {})
        expect(again).toEqual(first)
      }),
      { numRuns: 3000 },
    )
  })
})
