import type { Span } from '../../model/article'
import { BLOCK, type El, type Node } from './tree'

export interface Link {
  text: string
  href: string
}

/** One paragraph's worth of inline content. */
export interface Segment {
  text: string
  linkChars: number
  links: Link[]
  /** The text as marked runs; hrefs as the page wrote them (resolved by the caller). */
  runs: Span[]
}

type Marks = Omit<Span, 'text'>

const EM = new Set(['em', 'i'])
const STRONG = new Set(['strong', 'b'])

/** The marks an element adds to those of its ancestors. */
function marksIn(el: El, outer: Marks): Marks {
  if (el.tag === 'a' && !outer.href && el.attrs.href) return { ...outer, href: el.attrs.href }
  if (EM.has(el.tag) && !outer.em) return { ...outer, em: true }
  if (STRONG.has(el.tag) && !outer.strong) return { ...outer, strong: true }
  return outer
}

const newSegment = (): Segment => ({ text: '', linkChars: 0, links: [], runs: [] })

/**
 * Inline content as paragraphs: two `<br>` in a row (old pages' paragraph break) start a new one,
 * a single `<br>` is a newline (finalize makes it a space; the runs keep it as a line break).
 * Link text is counted so link lists can be told from prose.
 */
export function readInline(nodes: Node[]): Segment[] {
  const segments: Segment[] = [newSegment()]
  let breaks = 0
  const visit = (node: Node, link: Link | null, marks: Marks) => {
    if (typeof node === 'string') {
      if (node.trim() !== '') {
        if (breaks >= 2) segments.push(newSegment())
        else if (breaks === 1) add('\n', null, { br: true })
        breaks = 0
      }
      add(node, link, marks)
      return
    }
    if (node.tag === 'br') {
      breaks++
      return
    }
    let inner = link
    if (!link && node.tag === 'a') {
      inner = { text: '', href: node.attrs.href ?? '' }
      segments.at(-1)?.links.push(inner)
    }
    const innerMarks = marksIn(node, marks)
    for (const child of node.children) visit(child, inner, innerMarks)
  }
  const add = (text: string, link: Link | null, marks: Marks) => {
    const segment = segments.at(-1)!
    segment.text += text
    segment.runs.push({ text, ...marks })
    if (link) {
      segment.linkChars += text.length
      link.text += text
    }
  }
  for (const node of nodes) visit(node, null, {})
  return segments
}

/** All the runs under an element, as `textOf` reads its text (`<br>` a line break). */
export function runsOf(el: El, marks: Marks = {}, out: Span[] = []): Span[] {
  for (const child of el.children) {
    if (typeof child === 'string') out.push({ text: child, ...marks })
    else if (child.tag === 'br') out.push({ text: ' ', br: true })
    else if (BLOCK.has(child.tag)) {
      // A block's edges are a space, as `textOf` reads them (a nested list's items).
      out.push({ text: ' ', ...marks })
      runsOf(child, marksIn(child, marks), out)
      out.push({ text: ' ', ...marks })
    } else runsOf(child, marksIn(child, marks), out)
  }
  return out
}
