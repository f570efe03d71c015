import { z } from 'zod'
import { articleStatus } from '../model/article'
import { isSafeHref } from '../model/href'
import { LIMITS } from './limits'

const named = z.union([z.string(), z.strictObject({ name: z.string() })])
const strings = z.array(z.string()).max(LIMITS.listItems)

const HREF = 'an absolute http(s) URL or a path on this site (/…)'

/** A run of a paragraph: a `javascript:`, `data:` or `//host` href is refused, never stored. */
const spanInput = z.strictObject({
  text: z.string(),
  href: z.string().refine(isSafeHref, HREF).nullish(),
  em: z.boolean().nullish(),
  strong: z.boolean().nullish(),
  br: z.boolean().nullish(),
})

/**
 * A body entry: a paragraph's text, a paragraph or quote as marked runs (the article JSON's
 * own block shape, so a block read from the API can be sent back; `text`, when sent, must be the
 * runs' texts joined), or an image.
 */
const bodyEntry = z.union([
  z.string(),
  z
    .strictObject({
      type: z.enum(['paragraph', 'quote']).nullish(),
      text: z.string().nullish(),
      spans: z.array(spanInput).max(LIMITS.spansPerBlock),
    })
    .refine(
      (b) => b.text == null || b.text === b.spans.map((s) => s.text).join(''),
      'text equal to the spans’ texts joined',
    ),
  z.strictObject({
    type: z.literal('figure'),
    url: z.string(),
    alt: z.string().nullish(),
    text: z.string().nullish().describe('The caption'),
    credit: z.string().nullish(),
  }),
])
export type BodyEntry = z.infer<typeof bodyEntry>

/** The JSON upload. Strict: an unknown key (a typo such as `autors`) is an error, not ignored. */
export const jsonArticle = z.strictObject({
  title: z.string().nullish(),
  body: z.union([z.string(), z.array(bodyEntry).max(LIMITS.paragraphs)]).nullish(),
  authors: z.array(named).max(LIMITS.listItems).nullish(),
  kicker: z.string().nullish(),
  dateline: z.string().nullish(),
  related: z
    .array(z.union([z.string(), z.strictObject({ title: z.string(), url: z.string().nullish() })]))
    .max(LIMITS.listItems)
    .nullish(),
  publishedAt: z.string().nullish(),
  sourceUrl: z.string().nullish(),
  tags: z.array(named).max(LIMITS.listItems).nullish(),
  captions: strings.nullish(),
  notices: strings.nullish(),
  modifiedAt: z.string().nullish(),
  siteName: z.string().max(200).nullish(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as en or en-US')
    .nullish(),
  image: z.strictObject({ url: z.string(), caption: z.string().nullish() }).nullish(),
  status: articleStatus
    .nullish()
    .describe('Absent: a new article is published, an update keeps its status'),
  publishAt: z
    .string()
    .nullish()
    .describe(
      'ISO 8601: when a `scheduled` article is published (alone, it schedules; a time already past publishes now)',
    ),
})

/** The fields checked apart from the schema, so that a wrong value is a 422 and not a 400. */
export const jsonContent = jsonArticle.omit({ status: true, publishAt: true })

export type JsonArticle = z.infer<typeof jsonArticle>

export const JSON_FIELDS = Object.keys(jsonArticle.shape)
