import type { Block, LeadImage, Named, NormalizedArticle, RelatedLink } from '../model/article'
import { IngestError, overLimit } from './errors'
import { headlineFor, splitTitle } from './kicker'
import { checkCount, checkSize, LIMITS } from './limits'
import { normalizePublishedAt, normalizeSourceUrl } from './meta-fields'
import { nameSlug } from './name-slug'
import { slugify } from './slug'
import { cleanListItems, cleanSpans } from './spans'
import { blockText, bodyWordCount, summarize } from './summary'
import { cleanInline } from './text-clean'

/** What a parser found, before the shared rules (slugs, tags, limits, validation) apply. */
export interface ArticleParts {
  title: string | null
  /** `undefined`: derive from the title; `null`: the source says there is none. */
  kicker?: string | null
  dateline: string | null
  authors: string[]
  body: Block[]
  related: RelatedLink[]
  notices: string[]
  captions: string[]
  tags: string[]
  publishedAt: string | null
  sourceUrl: string | null
  modifiedAt?: string | null
  siteName?: string | null
  language?: string | null
  image?: LeadImage | null
}

export function finalize(parts: ArticleParts): NormalizedArticle {
  const title = cleanInline(parts.title ?? '')
  if (title === '') throw new IngestError(422, 'missing_title', 'the article has no title')
  if (title.length > LIMITS.titleChars) throw overLimit('title', `${LIMITS.titleChars} characters`)
  const body = parts.body.map(cleanBlock).filter((b) => b.type === 'figure' || blockText(b) !== '')
  if (!body.some((b) => blockText(b) !== '')) {
    throw new IngestError(422, 'empty_body', 'the article has no body paragraphs')
  }
  checkCount('body', body.length, LIMITS.paragraphs)
  checkCount('authors', parts.authors.length, LIMITS.listItems)
  checkCount('tags', parts.tags.length, LIMITS.listItems)
  checkCount('related', parts.related.length, LIMITS.listItems)
  checkCount('captions', parts.captions.length, LIMITS.listItems)
  checkCount('notices', parts.notices.length, LIMITS.listItems)

  const given = parts.kicker === undefined ? undefined : cleanInline(parts.kicker ?? '') || null
  const { kicker, headline } =
    given === undefined
      ? splitTitle(title)
      : { kicker: given, headline: given ? headlineFor(title, given) : title }

  const article: NormalizedArticle = {
    slug: slugify(title),
    title,
    headline,
    kicker,
    dateline: parts.dateline === null ? null : cleanInline(parts.dateline) || null,
    authors: named(parts.authors, 'author'),
    body,
    related: parts.related
      .map((r) => ({ title: cleanInline(r.title), url: r.url }))
      .filter((r) => r.title !== ''),
    notices: cleanList(parts.notices),
    captions: cleanList(parts.captions),
    tags: named(kicker ? [kicker, ...parts.tags] : parts.tags, 'tag'),
    summary: summarize(body),
    wordCount: bodyWordCount(body),
    publishedAt: present(parts.publishedAt) ? normalizePublishedAt(parts.publishedAt) : null,
    modifiedAt: present(parts.modifiedAt ?? null) ? normalizePublishedAt(parts.modifiedAt!) : null,
    sourceUrl: present(parts.sourceUrl) ? normalizeSourceUrl(parts.sourceUrl) : null,
    siteName: cleanInline(parts.siteName ?? '') || null,
    language: cleanInline(parts.language ?? '') || null,
    image: parts.image ?? null,
  }
  checkSize(article)
  return article
}

/** Cleaned names, blanks dropped, first of each slug kept (`Αθήνα` and `ΑΘΗΝΑ` are one tag). */
function named(names: string[], fallback: string): Named[] {
  const seen = new Set<string>()
  const out: Named[] = []
  for (const raw of names) {
    const name = cleanInline(raw)
    const slug = nameSlug(name, fallback)
    if (name === '' || seen.has(slug)) continue
    seen.add(slug)
    out.push({ name, slug })
  }
  return out
}

// `?publishedAt=` with nothing after it says nothing.
const present = (value: string | null): value is string => value !== null && value.trim() !== ''

const cleanList = (items: string[]): string[] => items.map(cleanInline).filter((s) => s !== '')

function cleanBlock(block: Block): Block {
  if (block.type === 'list') {
    const { itemSpans, ...rest } = block
    return { ...rest, ...cleanListItems(block.items, itemSpans) }
  }
  if (block.type === 'figure') {
    const credit = cleanInline(block.credit ?? '') || null
    return { ...block, text: cleanInline(block.text), alt: cleanInline(block.alt), credit }
  }
  const { spans, ...rest } = block
  const text = cleanInline(block.text)
  const clean = spans && cleanSpans(spans, text)
  return clean ? { ...rest, text, spans: clean } : { ...rest, text }
}
