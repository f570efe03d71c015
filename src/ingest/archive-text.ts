import type { NormalizedArticle, RelatedLink } from '../model/article'
import { ARCHIVE_NOTICE, splitBlocks } from './blocks'
import { parseByline } from './byline'
import { isCaption } from './caption'
import { splitDateline } from './dateline'
import { finalize } from './finalize'
import type { UploadMeta } from './meta'
import { findRelated, type Item } from './related-run'
import { parseLabel } from './related'
import { parseTimestamp } from './timestamp'

/** The plain-text archive family: title line, notice, paragraphs, related headlines, byline. */
export function parseArchiveText(text: string, meta: UploadMeta): NormalizedArticle {
  const { title, blocks } = splitBlocks(text)
  const items: Item[] = []
  let postedOn: string | null = null
  let inBody = false
  for (const block of blocks) {
    const stamp = inBody ? null : parseTimestamp(block)
    const label = stamp ? null : parseLabel(block)
    const names = stamp || label ? null : parseByline(block)
    if (stamp) postedOn ??= stamp
    else if (label) {
      items.push({ kind: 'label' })
      if (label.headline) items.push({ kind: 'related', text: label.headline })
    } else if (names) items.push({ kind: 'byline', names })
    else if (ARCHIVE_NOTICE.test(block)) items.push({ kind: 'notice', text: block })
    else if (isCaption(block)) items.push({ kind: 'caption', text: block })
    else {
      items.push({ kind: 'text', text: block })
      inBody = true
    }
  }
  for (const i of findRelated(items)) items[i] = { kind: 'related', text: textOf(items[i]) }

  const paragraphs = items.flatMap((i) => (i.kind === 'text' ? [i.text] : []))
  const { dateline, text: lead } = splitDateline(paragraphs[0] ?? '')
  if (paragraphs.length > 0) paragraphs[0] = lead
  const related: RelatedLink[] = items.flatMap((i) =>
    i.kind === 'related' ? [{ title: i.text, url: null }] : [],
  )
  return finalize({
    title,
    dateline,
    authors: items.flatMap((i) => (i.kind === 'byline' ? i.names : [])),
    body: paragraphs.map((p) => ({ type: 'paragraph', text: p })),
    related,
    notices: items.flatMap((i) => (i.kind === 'notice' ? [i.text] : [])),
    captions: items.flatMap((i) => (i.kind === 'caption' ? [i.text] : [])),
    tags: [],
    publishedAt: postedOn ?? meta.publishedAt ?? null,
    sourceUrl: meta.sourceUrl ?? null,
  })
}

const textOf = (item: Item | undefined): string => (item && 'text' in item ? item.text : '')
