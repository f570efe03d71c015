import type { NormalizedArticle, SourceFormat } from '../model/article'
import { parseArchiveText } from './archive-text'
import { IngestError } from './errors'
import { parseJsonArticle } from './json-article'
import { parseHtmlArticle } from './html'
import { parseMarkdownArticle } from './markdown'
import { parseGhostPost, type GhostPostMeta } from './ghost'
import type { UploadMeta } from './meta'
import { parseWxrItem } from './wxr'
import { checkShape } from './shape'
import { PublicationError, publicationRequest, type PublicationRequest } from '../model/publication'

export { parseArchiveText } from './archive-text'
export { decodeText, decodeUtf8, encodingOf } from './decode'
export { IngestError } from './errors'
export { parseJsonArticle } from './json-article'
export type { UploadMeta } from './meta'
export { slugify } from './slug'

export interface Upload {
  format: SourceFormat
  text: string
}

/**
 * One upload, decoded, to the article model. Query-string `meta` fills only what the upload
 * itself lacks. Throws IngestError, and nothing else, for any input.
 */
export function normalizeUpload(input: Upload, meta: UploadMeta): NormalizedArticle {
  const { publication: asked, ...article } = parse(input, meta)
  const publication = asked ?? requested(meta)
  return publication ? { ...article, publication } : article
}

/** The status the query string asks for; the upload's own (a JSON field, front matter) wins. */
function requested(meta: UploadMeta): PublicationRequest | null {
  try {
    return publicationRequest(meta.status, meta.publishAt)
  } catch (error) {
    if (error instanceof PublicationError) throw new IngestError(422, error.code, error.message)
    throw error
  }
}

function parse(input: Upload, meta: UploadMeta): NormalizedArticle {
  checkShape(input.format, input.text)
  switch (input.format) {
    case 'text':
      return parseArchiveText(input.text, meta)
    case 'json':
      return parseJsonArticle(parseJson(input.text), meta)
    case 'html':
      return parseHtmlArticle(input.text, meta)
    case 'markdown':
      return parseMarkdownArticle(input.text, meta)
    case 'wxr':
      return parseWxrItem(input.text, { author: meta.author ?? null })
    case 'ghost':
      return parseGhostPost(input.text, ghostMeta(meta))
    default:
      // Unreachable from the routes (they map Content-Type first); kept for callers with `as` casts.
      throw new IngestError(
        415,
        'unsupported_format',
        `no parser for format "${String(input.format)}"`,
      )
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : ''
    throw new IngestError(400, 'invalid_json', `the body is not valid JSON${detail}`)
  }
}

/** A Ghost post's names, as its import kept them beside it (JSON lists in string meta). */
function ghostMeta(meta: UploadMeta): GhostPostMeta {
  const list = (value: string | undefined) => (value ? (JSON.parse(value) as string[]) : [])
  return {
    authors: list(meta.authors),
    tags: list(meta.tags),
    imageCaption: meta.imageCaption ?? null,
  }
}
