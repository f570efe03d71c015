/** One revision as it was stored, and what changed between two: the shapes, types inferred. */
import { z } from 'zod'
import { article, articleStatus, block, revisionReason } from './article'

const iso = z.string().describe('ISO 8601')

/** What a revision records beside its content. */
export const revisionMeta = z.strictObject({
  revision: z.number().int(),
  reason: revisionReason,
  status: articleStatus.describe('The article’s status as of this revision'),
  publishAt: iso.nullable(),
  createdAt: iso,
})
export type RevisionMeta = z.infer<typeof revisionMeta>

/** The normalized article a revision keeps: what the parsers made of its source. */
export const revisionContent = z.strictObject({
  ...article.pick({
    slug: true,
    title: true,
    headline: true,
    kicker: true,
    authors: true,
    summary: true,
    publishedAt: true,
    dateline: true,
    body: true,
    related: true,
    notices: true,
    captions: true,
    tags: true,
    wordCount: true,
    modifiedAt: true,
    siteName: true,
    language: true,
    image: true,
  }).shape,
  sourceUrl: z.string().nullable().describe('The canonical URL the source named'),
})
export type RevisionContent = z.infer<typeof revisionContent>

export const revisionArticle = z.strictObject({
  ...revisionMeta.shape,
  fingerprint: z.string().describe('SHA-256 of the normalized article, hex'),
  article: revisionContent,
})

/** A run of text in a word diff: kept, or only in the later revision, or only in the earlier. */
export const wordRun = z.strictObject({
  op: z.enum(['same', 'added', 'removed']),
  text: z.string(),
})
export type WordRun = z.infer<typeof wordRun>

/** A field beside the body whose value differs; strings that both exist also get a word diff. */
export const fieldChange = z.strictObject({
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
  words: z.array(wordRun).optional(),
})
export type FieldChange = z.infer<typeof fieldChange>

const index = z.number().int().describe('Position in that revision’s body, from 0')

/**
 * The body, aligned: every block of both revisions appears once, in reading order. A changed
 * block is one of the same kind whose words were edited (a list's items are joined by newlines).
 */
export const blockChange = z.discriminatedUnion('change', [
  z.strictObject({ change: z.literal('unchanged'), from: index, to: index }),
  z.strictObject({ change: z.literal('added'), to: index, block }),
  z.strictObject({ change: z.literal('removed'), from: index, block }),
  z.strictObject({
    change: z.literal('changed'),
    from: index,
    to: index,
    type: z.enum(['paragraph', 'heading', 'quote', 'list', 'figure']),
    words: z.array(wordRun),
  }),
])
export type BlockChange = z.infer<typeof blockChange>

export const revisionDiff = z.strictObject({
  slug: z.string(),
  from: revisionMeta,
  to: revisionMeta,
  fields: z.array(fieldChange).describe('Only the fields that differ'),
  body: z.array(blockChange),
})
export type RevisionDiff = z.infer<typeof revisionDiff>
