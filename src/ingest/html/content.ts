import type { Level } from './classes'
import { contains } from './elements'
import { initialScore, scoreCandidates } from './score'
import { withSiblings } from './siblings'
import type { El } from './tree'

/**
 * The elements holding the article text, in document order: the best-scoring candidate, moved to
 * an ancestor it shares with other strong candidates or that scores higher, plus its siblings
 * that score well or read as paragraphs (Readability's rules).
 */
export function findContent(root: El, level: Level): El[] {
  const scores = scoreCandidates(root, level)
  let top: El | null = null
  let best = -Infinity
  for (const [el, score] of scores) if (score > best) [top, best] = [el, score]
  if (!top || top.tag === 'body' || top.tag === 'html') return [bodyOf(root)]
  const shared = commonAncestor(top, scores)
  if (shared) {
    if (!scores.has(shared)) scores.set(shared, initialScore(shared))
    top = shared
  }
  return withSiblings(climb(top, scores), scores, level)
}

function commonAncestor(top: El, scores: Map<El, number>): El | null {
  const topScore = scores.get(top) ?? 0
  // Its own ancestors and descendants share its text: they are no alternative.
  const others = [...scores]
    .filter(([el, score]) => score >= topScore * 0.75 && !contains(el, top) && !contains(top, el))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
  if (others.length < 3) return null
  for (let parent = top.parent; parent?.parent && parent.tag !== 'body'; parent = parent.parent) {
    if (others.filter(([el]) => contains(parent, el)).length >= 3) return parent
  }
  return null
}

/** A parent scoring higher, or an only child's parent, holds more of the article. */
function climb(start: El, scores: Map<El, number>): El {
  let top = start
  let last = scores.get(top) ?? 0
  const threshold = last / 3
  for (let parent = top.parent; parent?.parent && parent.tag !== 'body'; parent = parent.parent) {
    const score = scores.get(parent)
    if (score === undefined) continue
    if (score < threshold) break
    if (score > last) {
      top = parent
      break
    }
    last = score
  }
  while (top.parent?.parent && top.parent.tag !== 'body' && elementCount(top.parent) === 1) {
    top = top.parent
  }
  return top
}

const elementCount = (el: El) => el.children.filter((c) => typeof c !== 'string').length

/**
 * Marks the page's main article, the largest `<article>` (or `itemprop=articleBody`) when it
 * holds half the page's text or more, and every element around it as never chrome: a wrapper
 * classed `sticky-sidebar` or `header-style-2` that holds the article is layout, not a sidebar.
 */
export function markArticle(root: El): void {
  const body = bodyOf(root)
  let main: El | null = null
  const visit = (el: El) => {
    const article = el.tag === 'article' || el.attrs.itemprop === 'articleBody'
    if (article && (!main || el.chars > main.chars)) main = el
    for (const child of el.children) if (typeof child !== 'string' && child.hasBlock) visit(child)
  }
  visit(body)
  const found = main as El | null
  if (!found || found.chars < body.chars / 2) return
  for (let el: El | null = found; el; el = el.parent) el.wrapsArticle = true
}

export function bodyOf(root: El): El {
  for (const child of root.children) {
    if (typeof child === 'string') continue
    if (child.tag === 'body') return child
    if (child.tag === 'html') return bodyOf(child)
  }
  return root
}
