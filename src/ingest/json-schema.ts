import { z } from 'zod'
import { articleStatus } from '../model/article'
import { isSafeHref } from '../model/href'
import { LIMITS } from './limits'

const named = z.union([z.string(), z.strictObject({ name: z.string() })])
const strings = z.array(z.string()).max(LIMITS.listItems)

const HREF = 'an absolute http(s) URL or a path on this site (/…)'

/**
 * A run of a paragraph: a `javascript:`, `data:` or `//host` href is refused, never stored.
 * `localHref` is what a read found the href to name here: accepted so a block read from the API
 * can be sent back, and ignored.
 */
const spanInput = z.strictObject({
  text: z.string(),
  href: z.string().refine(isSafeHref, HREF).nullish(),
  localHref: z.string().nullish(),
  em: z.boolean().nullish(),
  strong: z.boolean().nullish(),
  br: z.boolean().nullish(),
})
export type SpanInput = z.infer<typeof spanInput>
const spansInput = z.array(spanInput).max(LIMITS.spansPerBlock)
type SpansInput = z.infer<typeof spansInput>

const joinedText = (spans: SpansInput) => spans.map((s) => s.text).join('')

/** The first item whose runs (null, or texts joined equal to it) are missing or wrong; else -1. */
function misaligned(items: string[], itemSpans: (SpansInput | null)[]): number {
  for (let i = 0; i < Math.max(items.length, itemSpans.length); i++) {
    const spans = itemSpans[i]
    if (i >= items.length || spans === undefined) return i
    if (spans !== null && joinedText(spans) !== items[i]) return i
  }
  return -1
}
const ALIGNED = (i: number) =>
  `null, or runs whose texts joined are items[${i}] (one entry an item)`

/**
 * A body entry: a paragraph's text, a paragraph or quote as marked runs, a list, or an image;
 * the article JSON's own block shapes, so a block read from the API can be sent back. `text`,
 * when sent with runs, must be their texts joined; so must each list item with its runs.
 */
const bodyEntry = z.union([
  z.string(),
  z
    .strictObject({
      type: z.enum(['paragraph', 'quote']).nullish(),
      text: z.string().nullish(),
      spans: spansInput,
    })
    .refine(
      (b) => b.text == null || b.text === joinedText(b.spans),
      'text equal to the spans’ texts joined',
    ),
  z
    .strictObject({
      type: z.literal('list'),
      ordered: z.boolean().nullish(),
      items: z.array(z.string()).max(LIMITS.bodyListItems),
      itemSpans: z
        .array(spansInput.nullable())
        .max(LIMITS.bodyListItems)
        .nullish()
        .describe('Runs of each item, aligned to `items`; null for a plain item'),
    })
    .superRefine(({ items, itemSpans }, ctx) => {
      if (!itemSpans) return
      const i = misaligned(items, itemSpans)
      // Named at the entry, deeper than any other branch of the union, so its message is the one shown.
      if (i !== -1) ctx.addIssue({ code: 'custom', path: ['itemSpans', i], message: ALIGNED(i) })
    }),
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
