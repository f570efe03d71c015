import type { Block, NormalizedArticle, RelatedLink, Span } from '../model/article'
import { finalize } from './finalize'
import { issuesToError } from './json-issues'
import { jsonContent, type BodyEntry, type SpanInput } from './json-schema'
import type { UploadMeta } from './meta'
import { normalizeSourceUrl } from './meta-fields'
import { requestedPublication } from './publication'
import { cleanInline, splitParagraphs } from './text-clean'

/**
 * A structured upload. Fields are taken as given (no dateline is looked for in the body); the
 * kicker alone is derived from the title when the upload has no `kicker` key. `status` and
 * `publishAt` ask for a status (422 `invalid_status` or `invalid_publish_at` when wrong).
 */
export function parseJsonArticle(value: unknown, meta: UploadMeta): NormalizedArticle {
  const { status, publishAt, ...content } = isObject(value) ? value : {}
  const parsed = jsonContent.safeParse(isObject(value) ? content : value)
  if (!parsed.success) throw issuesToError(parsed.error.issues)
  const a = parsed.data
  const publication = requestedPublication(status, publishAt)
  const body =
    typeof a.body === 'string'
      ? splitParagraphs(a.body).map(paragraph)
      : (a.body ?? []).map((entry, i) => bodyBlock(entry, i))
  const related: RelatedLink[] = (a.related ?? []).map((r, i) =>
    typeof r === 'string'
      ? { title: r, url: null }
      : { title: r.title, url: r.url ? normalizeSourceUrl(r.url, `related[${i}].url`) : null },
  )
  const article = finalize({
    title: a.title ?? null,
    kicker: a.kicker,
    dateline: a.dateline ?? null,
    authors: (a.authors ?? []).map(nameOf),
    body,
    related,
    notices: a.notices ?? [],
    captions: a.captions ?? [],
    tags: (a.tags ?? []).map(nameOf),
    publishedAt: a.publishedAt?.trim() || meta.publishedAt || null,
    sourceUrl: a.sourceUrl?.trim() || meta.sourceUrl || null,
    modifiedAt: a.modifiedAt?.trim() || null,
    siteName: a.siteName ?? null,
    language: a.language ?? null,
    image: a.image
      ? { url: normalizeSourceUrl(a.image.url, 'image.url'), caption: a.image.caption ?? null }
      : null,
  })
  return publication ? { ...article, publication } : article
}

const paragraph = (text: string): Block => ({ type: 'paragraph', text })

function bodyBlock(entry: BodyEntry, i: number): Block {
  if (typeof entry === 'string') return paragraph(cleanInline(entry))
  if (entry.type === 'figure') {
    const url = normalizeSourceUrl(entry.url, `body[${i}].url`)
    const { alt, text, credit } = entry
    return { type: 'figure', text: text ?? '', url, alt: alt ?? '', credit: credit ?? null }
  }
  if (entry.type === 'list') {
    const itemSpans = entry.itemSpans?.map((spans) => spans && spans.map(run))
    // A run's line break is a space in the item (items are one line each).
    const items = itemSpans
      ? entry.items.map((item, j) => itemSpans[j]?.map((s) => s.text).join('') ?? item)
      : entry.items
    return { type: 'list', ordered: entry.ordered ?? false, items, ...(itemSpans && { itemSpans }) }
  }
  // finalize cleans the text and the runs alike, so they stay equal.
  const spans = entry.spans.map(run)
  const text = spans.map((s) => s.text).join('')
  return { type: entry.type ?? 'paragraph', text, spans }
}

/** A run as stored: its marks, never `localHref` (what a read found, not what was sent). */
const run = ({ text, href, em, strong, br }: SpanInput): Span => ({
  // A line break is the space the text has there, whatever the run says.
  text: br ? '\n' : text,
  ...(href && { href }),
  ...(em && { em }),
  ...(strong && { strong }),
  ...(br && { br }),
})

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const nameOf = (n: string | { name: string }): string => (typeof n === 'string' ? n : n.name)
