import type { NormalizedArticle } from '../model/article'
import { parseArchiveText } from './archive-text'
import { IngestError } from './errors'
import { parseJsonArticle } from './json-article'
import type { UploadMeta } from './meta'

export { parseArchiveText } from './archive-text'
export { decodeUtf8 } from './decode'
export { IngestError } from './errors'
export { parseJsonArticle } from './json-article'
export type { UploadMeta } from './meta'
export { slugify } from './slug'

export interface Upload {
  format: 'text' | 'json'
  text: string
}

/**
 * One upload, decoded, to the article model. Query-string `meta` fills only what the upload
 * itself lacks. Throws IngestError, and nothing else, for any input.
 */
export function normalizeUpload(input: Upload, meta: UploadMeta): NormalizedArticle {
  if (input.format === 'text') return parseArchiveText(input.text, meta)
  if (input.format === 'json') return parseJsonArticle(parseJson(input.text), meta)
  throw new IngestError(415, 'unsupported_format', 'upload text/plain or application/json')
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : ''
    throw new IngestError(400, 'invalid_json', `the body is not valid JSON${detail}`)
  }
}
