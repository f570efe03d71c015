import type { NormalizedArticle, RelatedLink } from '../model/article'
import { finalize } from './finalize'
import { issuesToError } from './json-issues'
import { jsonArticle } from './json-schema'
import type { UploadMeta } from './meta'
import { normalizeSourceUrl } from './meta-fields'
import { cleanInline, splitParagraphs } from './text-clean'

/**
 * A structured upload. Fields are taken as given (no dateline is looked for in the body); the
 * kicker alone is derived from the title when the upload has no `kicker` key.
 */
export function parseJsonArticle(value: unknown, meta: UploadMeta): NormalizedArticle {
  const parsed = jsonArticle.safeParse(value)
  if (!parsed.success) throw issuesToError(parsed.error.issues)
  const a = parsed.data
  const paragraphs =
    typeof a.body === 'string' ? splitParagraphs(a.body) : (a.body ?? []).map(cleanInline)
  const related: RelatedLink[] = (a.related ?? []).map((r, i) =>
    typeof r === 'string'
      ? { title: r, url: null }
      : { title: r.title, url: r.url ? normalizeSourceUrl(r.url, `related[${i}].url`) : null },
  )
  return finalize({
    title: a.title ?? null,
    kicker: a.kicker,
    dateline: a.dateline ?? null,
    authors: (a.authors ?? []).map(nameOf),
    body: paragraphs.map((text) => ({ type: 'paragraph', text })),
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
}

const nameOf = (n: string | { name: string }): string => (typeof n === 'string' ? n : n.name)
