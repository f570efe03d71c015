import type { Node } from './tree'

export interface Link {
  text: string
  href: string
}

/** One paragraph's worth of inline content. */
export interface Segment {
  text: string
  linkChars: number
  links: Link[]
}

/**
 * Inline content as paragraphs: two `<br>` in a row (old pages' paragraph break) start a new one,
 * a single `<br>` is a newline (finalize makes it a space). Link text is counted so link lists can
 * be told from prose.
 */
export function readInline(nodes: Node[]): Segment[] {
  const segments: Segment[] = [{ text: '', linkChars: 0, links: [] }]
  let breaks = 0
  const visit = (node: Node, link: Link | null) => {
    if (typeof node === 'string') {
      if (node.trim() !== '') {
        if (breaks >= 2) segments.push({ text: '', linkChars: 0, links: [] })
        else if (breaks === 1) add('\n', null)
        breaks = 0
      }
      add(node, link)
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
    for (const child of node.children) visit(child, inner)
  }
  const add = (text: string, link: Link | null) => {
    const segment = segments.at(-1)!
    segment.text += text
    if (link) {
      segment.linkChars += text.length
      link.text += text
    }
  }
  for (const node of nodes) visit(node, null)
  return segments
}
