import { blockText } from '../../src/ingest/summary'
import type { NormalizedArticle } from '../../src/model/article'

const MONTHS =
  'January February March April May June July August September October November December'

/**
 * An article back as an archive post: title, posted-at line, notices, captions, body (the
 * dateline opening it), labelled related headlines, byline.
 */
export function toArchiveText(a: NormalizedArticle): string {
  const body = a.body.map(blockText)
  if (a.dateline && body.length > 0) body[0] = `${a.dateline} -- ${body[0]}`
  const related = a.related.length > 0 ? ['RELATED', ...a.related.map((r) => r.title)] : []
  const names = a.authors.map((n) => n.name)
  const byline = names.length > 0 ? [`-- ${listOf(names)}`] : []
  const posted = a.publishedAt ? [postedOn(a.publishedAt)] : []
  return [a.title, ...posted, ...a.notices, ...a.captions, ...body, ...related, ...byline].join(
    '\n\n',
  )
}

/** `2009-12-01` → `December 1, 2009` */
function postedOn(date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  return `${MONTHS.split(' ')[(month ?? 1) - 1]} ${day}, ${year}`
}

const listOf = (names: string[]) =>
  names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`

/** An article back as a JSON upload, every field explicit. */
export function toJson(a: NormalizedArticle): string {
  return JSON.stringify({
    title: a.title,
    kicker: a.kicker,
    dateline: a.dateline,
    authors: a.authors.map((n) => n.name),
    body: a.body.map(blockText),
    related: a.related,
    notices: a.notices,
    captions: a.captions,
    tags: a.tags.map((n) => ({ name: n.name })),
    publishedAt: a.publishedAt,
    modifiedAt: a.modifiedAt,
    sourceUrl: a.sourceUrl,
    siteName: a.siteName,
    language: a.language,
    image: a.image,
  })
}
