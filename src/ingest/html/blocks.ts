import type { Block, RelatedLink } from '../../model/article'
import { checkCount, LIMITS } from '../limits'
import { isRelatedBox, isUnlikely, type Level } from './classes'
import { figure, splitCredit } from './figures'
import { readInline, runsOf } from './inline'
import { relatedLink } from './links'
import { holdsMedia, isCaptionBox, isMedia } from './media'
import { addCaption, paragraph, resolveRuns, type Body, type Context } from './paragraph'
import { isDataTable, tableRows } from './table'
import { linkDensity, squash, textOf } from './text'
import { BLOCK, type El, type Node } from './tree'

export type { Body } from './paragraph'

/** The content elements as typed blocks, in order; captions and in-body links kept apart. */
export function readBody(containers: El[], level: Level, base: string | null): Body {
  const context: Context = { blocks: [], captions: [], related: [], level, base }
  for (const container of containers) walk(container, context)
  const { blocks, captions } = context
  const related = context.related.filter(
    (link, i, all) => all.findIndex((other) => other.url === link.url) === i,
  )
  return { blocks, captions, related }
}

function walk(el: El, context: Context): void {
  let run: Node[] = []
  const explicit = el.tag === 'p'
  for (const child of el.children) {
    if (typeof child === 'string' || (!child.hasBlock && !BLOCK.has(child.tag))) {
      run.push(child)
      continue
    }
    flush(run, explicit, context)
    run = []
    block(child, context)
    // More than can be stored: stop here rather than read the rest of a huge page.
    checkCount('body', context.blocks.length, LIMITS.paragraphs)
  }
  flush(run, explicit, context)
}

function block(el: El, context: Context): void {
  if (isUnlikely(el, context.level)) {
    if (isRelatedBox(el)) context.related.push(...linksIn(el, context.base))
    return
  }
  if (isCaptionBox(el)) return addCaption(squash(textOf(el)), context)
  if (isMedia(el)) {
    const { src, alt, caption, parts } = figure(el, context.base)
    // An image is shown with its caption; a caption whose image is gone stays a caption.
    if (src) context.blocks.push(figureBlock(src, alt, parts.caption, parts.credit))
    else if (caption) addCaption(caption, context)
    return
  }
  const text = () => squash(textOf(el))
  const runs = (el: El) => resolveRuns(runsOf(el), context.base)
  const heading = /^h([1-6])$/.exec(el.tag)
  if (heading) {
    if (linkDensity(el) <= 0.5 && text() !== '') {
      const level = Math.min(4, Math.max(2, Number(heading[1]))) as 2 | 3 | 4
      context.blocks.push({ type: 'heading', level, text: text(), spans: runs(el) })
    }
  } else if (el.tag === 'blockquote') {
    if (text() !== '') context.blocks.push({ type: 'quote', text: text(), spans: runs(el) })
  } else if (el.tag === 'ul' || el.tag === 'ol') list(el, context)
  else if (el.tag === 'pre') context.blocks.push({ type: 'paragraph', text: text() })
  else if (el.tag === 'table' && isDataTable(el)) context.blocks.push(...tableRows(el))
  else if (el.tag !== 'hr') walk(el, context)
}

function figureBlock(url: string, alt: string, text: string | null, credit: string | null): Block {
  if (credit) return { type: 'figure', text: text ?? '', url, alt, credit }
  const split = splitCredit(text ?? '')
  return { type: 'figure', text: split.caption, url, alt, credit: split.credit }
}

function list(el: El, context: Context): void {
  const items = el.children.filter((c): c is El => typeof c !== 'string' && c.tag === 'li')
  // A gallery's items are figures, each read as one.
  if (items.length === 0 || items.every(holdsMedia)) return walk(el, context)
  if (items.every((li) => linkDensity(li) > 0.8)) {
    context.related.push(...items.flatMap((li) => linksIn(li, context.base).slice(0, 1)))
    return
  }
  if (linkDensity(el) > 0.5) return
  const entries = items
    .map((li) => ({ text: squash(textOf(li)), spans: resolveRuns(runsOf(li), context.base) }))
    .filter((entry) => entry.text !== '')
  if (entries.length === 0) return
  context.blocks.push({
    type: 'list',
    ordered: el.tag === 'ol',
    items: entries.map((entry) => entry.text),
    itemSpans: entries.map((entry) => entry.spans),
  })
}

function flush(run: Node[], explicit: boolean, context: Context): void {
  if (!run.some((n) => typeof n !== 'string' || n.trim() !== '')) return
  for (const segment of readInline(run)) paragraph(segment, explicit, context)
}

function linksIn(el: El, base: string | null): RelatedLink[] {
  const found: RelatedLink[] = []
  const visit = (node: Node) => {
    if (typeof node === 'string') return
    if (node.tag !== 'a') return node.children.forEach(visit)
    const link = relatedLink({ text: textOf(node), href: node.attrs.href ?? '' }, base)
    if (link && !found.some((f) => f.url === link.url)) found.push(link)
  }
  visit(el)
  return found
}
