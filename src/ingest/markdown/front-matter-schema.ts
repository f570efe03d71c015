import { z } from 'zod'

// YAML reads `title: 1984` as a number; the author still meant the text.
const text = z.union([z.string(), z.number().transform(String)])
// Dates arrive as strings under YAML 1.2; a `%YAML 1.1` document or `!!timestamp` makes Dates.
const when = z.union([text, z.date().transform(dateString)])
const named = z.union([text, z.object({ name: text }).transform((n) => n.name)])
const one = <T>(value: T) => [value]
const names = z.union([named.transform(one), z.array(named)])
const texts = z.union([text.transform(one), z.array(text)])
const tags = z.union([text.transform((t) => t.split(',')), z.array(named)])
const url = z.string()
const related = z.array(z.union([text, z.object({ title: text, url: url.nullish() })]))
const image = z.union([url, z.object({ url, caption: text.nullish() })])
const language = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as en or en-US')

/**
 * Known front matter keys, each under every name it goes by (`date` for Hugo and Jekyll,
 * `published_at` for Ghost); the first name present wins. Other keys are left alone: files from
 * other tools carry many (`layout`, `slug`). `status`, `publishAt` and `draft` ask for a status
 * (front-matter-publication.ts). `url` is not a source URL: Hugo and Jekyll use it for a
 * site-relative permalink.
 */
export const FIELDS = {
  title: { names: ['title'], type: text, expected: 'a string' },
  kicker: { names: ['kicker'], type: text, expected: 'a string' },
  dateline: { names: ['dateline'], type: text, expected: 'a string' },
  authors: { names: ['authors', 'author'], type: names, expected: 'a name or a list of names' },
  tags: { names: ['tags'], type: tags, expected: 'a list or a comma-separated string' },
  publishedAt: {
    names: ['publishedAt', 'date', 'published_at'],
    type: when,
    expected: 'a date',
  },
  modifiedAt: {
    names: ['modifiedAt', 'updated', 'updated_at', 'lastmod'],
    type: when,
    expected: 'a date',
  },
  sourceUrl: {
    names: ['sourceUrl', 'canonical_url', 'canonicalURL'],
    type: url,
    expected: 'a URL string',
  },
  related: {
    names: ['related'],
    type: related,
    expected: 'a list of headlines or { title, url } objects',
  },
  captions: { names: ['captions'], type: texts, expected: 'a string or a list of strings' },
  notices: { names: ['notices'], type: texts, expected: 'a string or a list of strings' },
  siteName: { names: ['siteName'], type: text, expected: 'a string' },
  language: { names: ['language'], type: language, expected: 'a BCP 47 language tag' },
  image: {
    names: ['image', 'feature_image'],
    type: image,
    expected: 'a URL string or { url, caption }',
  },
} as const

type Fields = typeof FIELDS
export type FrontMatter = { [K in keyof Fields]?: z.output<Fields[K]['type']> | null }

/** `2011-09-22` for a Date at midnight UTC (YAML's reading of a bare date), else the instant. */
function dateString(date: Date): string {
  const iso = date.toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
}
