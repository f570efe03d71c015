import type { SourceFormat } from './article'

/** An original upload, kept byte for byte, with what shaped its normalization. */
export interface Upload {
  format: SourceFormat
  contentType: string
  bytes: Uint8Array
  /** Upload parameters (the query string: sourceUrl, publishedAt), kept to re-normalize later. */
  meta: Record<string, string>
  /** Where R2 already keeps these bytes, as a range of an object (an import item's, in its chunk). */
  kept?: { key: string; offset: number }
}
