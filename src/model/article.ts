/** The article model shared by every layer. Pure types and constants: no I/O. */

export interface Named {
  name: string
  slug: string
}

/** Body content as typed blocks. Archive text yields paragraphs; richer formats add the rest. */
export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; level: 2 | 3 | 4; text: string }
  | { type: 'quote'; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }

export interface RelatedLink {
  title: string
  /** Absolute URL when the source named one; null for a bare headline. */
  url: string | null
}

/** What the normalizer makes of one upload, before it is stored. */
export interface NormalizedArticle {
  slug: string
  /** The title as written, kicker included: `PAKISTAN: Islamabad won’t tolerate …`. */
  title: string
  /** The title without its kicker. */
  headline: string
  kicker: string | null
  dateline: string | null
  authors: Named[]
  body: Block[]
  related: RelatedLink[]
  notices: string[]
  captions: string[]
  tags: Named[]
  summary: string
  wordCount: number
  /** ISO 8601, or null when the upload does not say. */
  publishedAt: string | null
  /** When the source says the article was last changed (HTML pages), ISO 8601. */
  modifiedAt: string | null
  sourceUrl: string | null
  /** The publication the article came from (`Los Angeles Times`), when the source names it. */
  siteName: string | null
  /** BCP 47 language tag (`en`, `en-US`), when the source names it. */
  language: string | null
  /** The lead image: an absolute http(s) URL and its caption. */
  image: LeadImage | null
}

export interface LeadImage {
  url: string
  caption: string | null
}

export type SourceFormat = 'text' | 'json' | 'html' | 'markdown'

/** A stored article as the API and the pages serve it. */
export interface Article extends Omit<NormalizedArticle, 'sourceUrl'> {
  id: string
  url: string
  readingMinutes: number
  createdAt: string
  updatedAt: string
  revision: number
  source: { format: SourceFormat; url: string | null; contentHash: string }
}

/** One row of a listing. */
export interface ArticleSummary {
  id: string
  slug: string
  url: string
  title: string
  headline: string
  kicker: string | null
  authors: Named[]
  summary: string
  publishedAt: string | null
  updatedAt: string
  revision: number
}
