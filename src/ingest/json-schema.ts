import { z } from 'zod'
import { articleStatus } from '../model/article'
import { LIMITS } from './limits'

const named = z.union([z.string(), z.strictObject({ name: z.string() })])
const strings = z.array(z.string()).max(LIMITS.listItems)

/** The JSON upload. Strict: an unknown key (a typo such as `autors`) is an error, not ignored. */
export const jsonArticle = z.strictObject({
  title: z.string().nullish(),
  body: z.union([z.string(), z.array(z.string()).max(LIMITS.paragraphs)]).nullish(),
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
