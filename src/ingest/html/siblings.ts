import { isUnlikely, type Level } from './classes'
import { contains } from './elements'
import { linkDensity, textOf } from './text'
import type { El } from './tree'

/**
 * The top candidate with its siblings that belong to the article: those that score well (a
 * same-class sibling judged by the best score inside it) or read as paragraphs (Readability's
 * rules).
 */
export function withSiblings(top: El, scores: Map<El, number>, level: Level): El[] {
  const parent = top.parent
  if (!parent) return [top]
  const topScore = scores.get(top) ?? 0
  const threshold = Math.max(10, topScore * 0.2)
  const topClass = top.attrs.class ?? ''
  let inside: Map<El, number> | null = null
  return parent.children.filter((sibling): sibling is El => {
    if (typeof sibling === 'string') return false
    if (sibling === top) return true
    const sameClass = topClass !== '' && sibling.attrs.class === topClass
    const bonus = sameClass ? topScore * 0.2 : 0
    let score = scores.get(sibling)
    if (score === undefined && sameClass)
      score = (inside ??= bestInside(parent, scores)).get(sibling)
    if (score !== undefined && score + bonus >= threshold) return true
    const paragraph = asParagraph(sibling)
    if (!paragraph || isUnlikely(sibling, level) || isUnlikely(paragraph, level)) return false
    const density = linkDensity(paragraph)
    if (paragraph.chars > 80) return density < 0.25
    return paragraph.chars > 0 && density === 0 && /\.( |$)/.test(textOf(paragraph))
  })
}

/**
 * The best score inside each child of `parent`, for children that have none of their own: an
 * article cut into like sections (between photos, say) may wrap one in more levels than scores
 * reach. One pass over the scores, each climbing to the child that holds it.
 */
function bestInside(parent: El, scores: Map<El, number>): Map<El, number> {
  const best = new Map<El, number>()
  for (const [el, score] of scores) {
    if (!contains(parent, el) || el === parent) continue
    let child = el
    while (child.parent && child.parent !== parent) child = child.parent
    if (score > (best.get(child) ?? -Infinity)) best.set(child, score)
  }
  return best
}

/**
 * The paragraph an element is, as Readability reads one: a `<p>`, a `<div>` with no blocks in it,
 * or a `<div>` around nothing but one of those (`<div class="…"><p>…</p></div>`).
 */
function asParagraph(el: El): El | null {
  let node = el
  for (let depth = 0; depth < 3; depth++) {
    if (node.tag === 'p' || (node.tag === 'div' && !node.hasBlock)) return node
    if (node.tag !== 'div') return null
    const only = onlyChild(node)
    if (!only) return null
    node = only
  }
  return null
}

/** The one element inside, when there is no other element and no text beside it. */
function onlyChild(el: El): El | null {
  let only: El | null = null
  for (const child of el.children) {
    if (typeof child === 'string') {
      if (child.trim() !== '') return null
    } else if (only) return null
    else only = child
  }
  return only
}
