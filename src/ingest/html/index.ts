import type { NormalizedArticle } from '../../model/article'
import { IngestError } from '../errors'
import type { UploadMeta } from '../meta'

/** Whole saved article pages (text/html). */
export function parseHtmlArticle(_html: string, _meta: UploadMeta): NormalizedArticle {
  throw new IngestError(415, 'unsupported_format', 'HTML uploads are not supported yet')
}
