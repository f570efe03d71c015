import { z } from 'zod'
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
})

export type JsonArticle = z.infer<typeof jsonArticle>

export const JSON_FIELDS = Object.keys(jsonArticle.shape)
