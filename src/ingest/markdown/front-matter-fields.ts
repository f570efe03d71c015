import type { LeadImage, RelatedLink } from '../../model/article'
import type { z } from 'zod'
import { IngestError, invalidField } from '../errors'
import { fieldPath } from '../json-issues'
import { normalizePublishedAt, normalizeSourceUrl } from '../meta-fields'
import { FIELDS, type FrontMatter } from './front-matter-schema'
import { absoluteUrl } from './lead-image'

export interface FrontMatterParts {
  title: string | null
  /** `undefined`: the front matter has no such key. */
  kicker: string | null | undefined
  dateline: string | null | undefined
  authors: string[]
  tags: string[]
  publishedAt: string | null
  modifiedAt: string | null
  sourceUrl: string | null
  related: RelatedLink[]
  captions: string[]
  notices: string[]
  siteName: string | null
  language: string | null
  image: LeadImage | null
}

/**
 * Validates every known key, then reads each field from the first of its names present.
 * `base`: the upload's URL from elsewhere, for relative image paths when the front matter has none.
 */
export function readFields(data: Record<string, unknown>, base: string | null): FrontMatterParts {
  const found: FrontMatter = {}
  const key: Partial<Record<keyof FrontMatter, string>> = {}
  const problems: string[] = []
  for (const [field, spec] of Object.entries(FIELDS) as [keyof FrontMatter, Spec][]) {
    for (const name of spec.names) {
      const raw = Object.hasOwn(data, name) ? data[name] : undefined
      if (raw === null || raw === undefined) continue
      const parsed = spec.type.safeParse(raw)
      if (!parsed.success) {
        const at = fieldPath([name, ...(parsed.error.issues[0]?.path ?? [])])
        problems.push(`front matter ${at}: expected ${spec.expected}`)
      } else if (key[field] === undefined) {
        ;(found as Record<string, unknown>)[field] = parsed.data
        key[field] = name
      }
    }
  }
  if (problems.length > 0) {
    throw new IngestError(400, 'invalid_field', problems.slice(0, 3).join('; '))
  }
  const sourceUrl = found.sourceUrl?.trim()
    ? normalizeSourceUrl(found.sourceUrl, `front matter ${key.sourceUrl}`)
    : null
  const date = (value: string | null | undefined, name: string | undefined) =>
    value?.trim() ? normalizePublishedAt(jekyllDate(value), `front matter ${name}`) : null
  return {
    title: found.title?.trim() ? found.title : null,
    // Absent: derive it; present with no value (`kicker:`): there is none.
    kicker: Object.hasOwn(data, 'kicker') ? (found.kicker ?? null) : undefined,
    dateline: Object.hasOwn(data, 'dateline') ? (found.dateline ?? null) : undefined,
    authors: found.authors ?? [],
    tags: found.tags ?? [],
    publishedAt: date(found.publishedAt, key.publishedAt),
    modifiedAt: date(found.modifiedAt, key.modifiedAt),
    sourceUrl,
    related: (found.related ?? []).map((r, i) =>
      typeof r === 'string'
        ? { title: r, url: null }
        : {
            title: r.title,
            url: r.url?.trim() ? normalizeSourceUrl(r.url, `front matter related[${i}].url`) : null,
          },
    ),
    captions: found.captions ?? [],
    notices: found.notices ?? [],
    siteName: found.siteName ?? null,
    language: found.language ?? null,
    image: found.image ? image(found.image, key.image ?? 'image', sourceUrl ?? base) : null,
  }
}

type Spec = { names: readonly string[]; type: z.ZodType; expected: string }

type ImageField = NonNullable<FrontMatter['image']>

/** A relative image path (Hugo's `/images/…`) is resolved against the article's URL. */
function image(value: ImageField, name: string, base: string | null): LeadImage {
  const { url, caption } = typeof value === 'string' ? { url: value, caption: null } : value
  const href = absoluteUrl(url, base)
  if (!href)
    throw invalidField(
      `front matter ${typeof value === 'string' ? name : `${name}.url`}`,
      'an http(s) URL',
    )
  return { url: href, caption: caption ?? null }
}

// Jekyll writes `2011-09-22 10:00:00 -0700`. Without a zone, only the day is known.
const JEKYLL =
  /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?:\s*(Z|[+-]\d{2}:?\d{2}))?$/i

function jekyllDate(value: string): string {
  const m = JEKYLL.exec(value.trim())
  if (!m) return value
  return m[3] ? `${m[1]}T${m[2]}${m[3]}` : (m[1] ?? value)
}
