/**
 * The article model shared by every layer, as zod schemas: they validate nothing at run time on
 * the read path, but they are the one definition of each shape. TypeScript types are inferred
 * from them, /openapi.json is generated from them, and the route tests parse real responses
 * with them (strictly), so the description cannot drift from what is served.
 */
import { z } from 'zod'
import type { PublicationRequest } from './publication'

/**
 * What an original is: one of the four upload formats, or one item of an import archive (a
 * WordPress export's `<item>`, a Ghost export's post), kept as its own source.
 */
export const UPLOAD_FORMATS = ['text', 'json', 'html', 'markdown'] as const
export const SOURCE_FORMATS = [...UPLOAD_FORMATS, 'wxr', 'ghost'] as const
export const sourceFormat = z.enum(SOURCE_FORMATS)
export type SourceFormat = z.infer<typeof sourceFormat>

/**
 * Why a revision exists: a new upload, a re-parse of a stored source by a newer parser, a change
 * of status alone (publish, unpublish, schedule), or an earlier revision's content restored.
 */
export const REVISION_REASONS = ['upload', 'renormalize', 'status', 'restore'] as const
export const revisionReason = z.enum(REVISION_REASONS)
export type RevisionReason = z.infer<typeof revisionReason>

const iso = z.string().describe('ISO 8601')

/** Only a `published` article is shown to readers; `scheduled` ones are published at `publishAt`. */
export const ARTICLE_STATUSES = ['draft', 'scheduled', 'published'] as const
export const articleStatus = z.enum(ARTICLE_STATUSES)
export type ArticleStatus = z.infer<typeof articleStatus>

/** An article's status, and when a scheduled one goes out (null unless `scheduled`). */
export interface Publication {
  status: ArticleStatus
  publishAt: string | null
}

export const named = z.strictObject({ name: z.string(), slug: z.string() })
export type Named = z.infer<typeof named>

/**
 * A run of a text block's inline structure. The runs' texts joined are the block's `text`
 * exactly, so `text` stays the plain truth (search, summaries, word counts) and a client that
 * knows nothing of runs loses nothing but the marks. `href` is an absolute http(s) URL or a
 * root-relative path on this site, as the source wrote it; `br` is a line break, its text the
 * space `text` has there.
 */
export const span = z.strictObject({
  text: z.string(),
  href: z.string().optional(),
  localHref: z
    .string()
    .optional()
    .describe(
      'When `href` names another stored, published article (its `source.url`, or its page here): that page, `/articles/<slug>`, which pages and feeds link to instead. Found when the article is read, never stored',
    ),
  em: z.literal(true).optional(),
  strong: z.literal(true).optional(),
  br: z.literal(true).optional(),
})
export type Span = z.infer<typeof span>

const spans = z
  .array(span)
  .optional()
  .describe('Inline structure (links, emphasis, line breaks), when the block has any')

/** Body content as typed blocks. Archive text yields paragraphs; richer formats add the rest. */
export const block = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), text: z.string(), spans }),
  z.strictObject({
    type: z.literal('heading'),
    level: z.union([z.literal(2), z.literal(3), z.literal(4)]),
    text: z.string(),
    spans,
  }),
  z.strictObject({ type: z.literal('quote'), text: z.string(), spans }),
  z.strictObject({
    type: z.literal('list'),
    ordered: z.boolean(),
    items: z.array(z.string()),
    itemSpans: z
      .array(z.array(span).nullable())
      .optional()
      .describe(
        'Inline structure of each item, aligned to `items` (null for an item with nothing marked), when an item has any',
      ),
  }),
  z.strictObject({
    type: z.literal('figure'),
    text: z.string().describe('The caption, or empty'),
    url: z.string().describe('Absolute http(s) URL of the image, served from where it was found'),
    alt: z.string(),
    credit: z.string().nullable(),
  }),
])
export type Block = z.infer<typeof block>

export const relatedLink = z.strictObject({
  title: z.string(),
  url: z
    .string()
    .nullable()
    .describe('Absolute URL when the source named one, or the page of a stored article'),
})
export type RelatedLink = z.infer<typeof relatedLink>

export const leadImage = z.strictObject({
  url: z.string().describe('Absolute http(s) URL'),
  caption: z.string().nullable(),
})
export type LeadImage = z.infer<typeof leadImage>

/** Minutes to read `words` words at 230 a minute, at least one. */
export const readingMinutes = (words: number) => Math.max(1, Math.ceil(words / 230))

/** One row of a listing. */
export const articleSummary = z.strictObject({
  id: z.string(),
  slug: z.string(),
  url: z.string(),
  title: z.string().describe('As written, kicker included: "PAKISTAN: Islamabad won’t tolerate …"'),
  headline: z.string().describe('The title without its kicker'),
  kicker: z.string().nullable(),
  authors: z.array(named),
  summary: z.string(),
  publishedAt: iso.nullable(),
  updatedAt: iso,
  revision: z.number().int(),
  readingMinutes: z.number().int().describe('From the word count, at 230 words a minute'),
})
export type ArticleSummary = z.infer<typeof articleSummary>

/** A stored article as the API and the pages serve it. */
export const article = z.strictObject({
  ...articleSummary.shape,
  dateline: z.string().nullable(),
  body: z.array(block),
  related: z.array(relatedLink),
  notices: z.array(z.string()),
  captions: z.array(z.string()),
  tags: z.array(named),
  wordCount: z.number().int(),
  readingMinutes: z.number().int(),
  modifiedAt: iso.nullable().describe('When the source says the article last changed'),
  siteName: z.string().nullable().describe('The publication it came from, when the source says'),
  language: z.string().nullable().describe('BCP 47 tag, when the source says'),
  image: leadImage.nullable(),
  status: articleStatus.describe(
    'Readers see only `published` articles; drafts and scheduled ones are read with a token',
  ),
  publishAt: iso.nullable().describe('When a `scheduled` article is published; else null'),
  createdAt: iso,
  source: z.strictObject({
    format: sourceFormat,
    url: z.string().nullable(),
    contentHash: z.string().describe('SHA-256 of the original upload, hex'),
  }),
})
export type Article = z.infer<typeof article>

/** What the normalizer makes of one upload, before it is stored. */
export type NormalizedArticle = Omit<
  Article,
  | 'id'
  | 'url'
  | 'readingMinutes'
  | 'createdAt'
  | 'updatedAt'
  | 'revision'
  | 'source'
  | 'status'
  | 'publishAt'
> & {
  /** The canonical URL the upload named: what makes two uploads the same article. */
  sourceUrl: string | null
  /**
   * The status the upload asked for, if any (not content: the write service takes it off before
   * the article is fingerprinted or kept as a revision).
   */
  publication?: PublicationRequest | null
}
