import { isUnlikely, type Level } from './classes'
import { linkDensity } from './text'
import { BLOCK, type El } from './tree'

const POSITIVE =
  /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/
const TAG_BASE: Record<string, number> = { div: 5, pre: 3, td: 3, blockquote: 3 }
for (const tag of 'address ol ul dl dd dt li form'.split(' ')) TAG_BASE[tag] = -3
for (const tag of 'h1 h2 h3 h4 h5 h6 th'.split(' ')) TAG_BASE[tag] = -5

/**
 * Readability's content scores: each paragraph of 25+ characters earns 1 point, 1 per comma and 1
 * per 100 characters (3 at most), credited in full to its parent, half to its grandparent and a
 * third of the level to the three above; class hints add or take 25; link density scales the sum.
 * Chrome at the given level is never entered.
 */
export function scoreCandidates(root: El, level: Level): Map<El, number> {
  const scores = new Map<El, number>()
  const credit = (from: El, chars: number, commas: number) => {
    if (chars < 25) return
    const points = 1 + commas + Math.min(Math.floor(chars / 100), 3)
    let depth = 0
    for (let a: El | null = from; a?.parent && depth < 5; a = a.parent, depth++) {
      const divider = depth === 0 ? 1 : depth === 1 ? 2 : depth * 3
      scores.set(a, (scores.get(a) ?? initialScore(a)) + points / divider)
    }
  }
  const visit = (el: El): void => {
    let chars = 0
    let commas = 0
    for (const child of el.children) {
      if (typeof child === 'string') chars += child.length
      else if (!child.hasBlock && !BLOCK.has(child.tag)) {
        chars += child.chars
        commas += child.commas
      } else {
        // Loose text between blocks is a paragraph of its own, as Readability wraps it in a <p>.
        credit(el, chars, commas)
        chars = commas = 0
        if (isUnlikely(child, level)) continue
        const own =
          child.tag === 'p' || child.tag === 'pre' || child.tag === 'td' || !child.hasBlock
        if (own) credit(el, child.chars, child.commas)
        if (child.hasBlock) visit(child)
      }
    }
    credit(el, chars, commas)
  }
  visit(root)
  for (const [el, score] of scores) scores.set(el, score * (1 - linkDensity(el)))
  return scores
}

export function initialScore(el: El): number {
  const names = el.names
  let weight = TAG_BASE[el.tag] ?? 0
  if (NEGATIVE.test(names)) weight -= 25
  if (POSITIVE.test(names)) weight += 25
  return weight
}
