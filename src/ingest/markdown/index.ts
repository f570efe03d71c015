import type { NormalizedArticle } from '../../model/article'
import { IngestError } from '../errors'
import type { UploadMeta } from '../meta'

/** Markdown with YAML front matter (text/markdown). */
export function parseMarkdownArticle(_text: string, _meta: UploadMeta): NormalizedArticle {
  throw new IngestError(415, 'unsupported_format', 'Markdown uploads are not supported yet')
}
