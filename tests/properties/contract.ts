import { expect } from 'vitest'
import { IngestError, normalizeUpload } from '../../src/ingest'
import { blockText } from '../../src/ingest/summary'
import { cleanInline } from '../../src/ingest/text-clean'
import type { NormalizedArticle, SourceFormat } from '../../src/model/article'

/**
 * The normalizer's contract for any input: a clean article, or an IngestError with a status and
 * code the routes can send. Anything else thrown fails the property with its counterexample.
 */
export function obeysContract(format: SourceFormat, text: string): void {
  let article: NormalizedArticle
  try {
    article = normalizeUpload({ format, text }, {})
  } catch (error) {
    if (!(error instanceof IngestError)) throw error
    expect([400, 415, 422]).toContain(error.status)
    expect(error.code).toMatch(/^[a-z_]+$/)
    return
  }
  expect(article.title).not.toBe('')
  expect(article.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  expect(article.body.length).toBeGreaterThan(0)
  for (const text of textsOf(article)) expect(cleanInline(text)).toBe(text)
}

/** Every text a reader sees: all of it already clean (one line, no controls, NFC). */
function textsOf(a: NormalizedArticle): string[] {
  return [
    ...[a.title, a.headline, a.summary, a.kicker ?? '', a.dateline ?? '', a.siteName ?? ''],
    ...a.body.map(blockText),
    ...[...a.authors, ...a.tags].map((n) => n.name),
    ...a.related.map((r) => r.title),
    ...a.captions,
    ...a.notices,
  ]
}
