import { createHash } from 'node:crypto'
import { normalizeUpload } from '../src/ingest'
import type { NormalizedArticle, SourceFormat } from '../src/model/article'

/** One upload normalized in Node, with what `saveUpload` derives from it: the rows to store. */
export interface PreparedArticle {
  article: NormalizedArticle
  identity: string
  fingerprint: string
  sha256: string
  format: SourceFormat
  contentType: string
  source: string
}

const CONTENT_TYPES: Partial<Record<SourceFormat, string>> = {
  text: 'text/plain; charset=utf-8',
  json: 'application/json',
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** Mirrors `identityOf` and `fingerprintOf` in src/db/article-write.ts. */
export function prepareArticle(format: 'text' | 'json', source: string): PreparedArticle {
  const article = normalizeUpload({ format, text: source }, {})
  return {
    article,
    identity: article.sourceUrl ? `url:${article.sourceUrl}` : `slug:${article.slug}`,
    fingerprint: sha256(JSON.stringify(article)),
    sha256: sha256(source),
    format,
    contentType: CONTENT_TYPES[format] ?? 'application/octet-stream',
    source,
  }
}
