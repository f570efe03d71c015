import { namesIn } from './authors'
import { isBylineBox, isTeaserBox } from './classes'
import { isMedia } from './media'
import { isoDate, textDate } from './dates'
import { squash, textOf } from './text'
import { BLOCK, type El, type Node } from './tree'

export interface Scan {
  h1s: string[]
  authors: string[]
  publishedAt: string | null
  /** Figures, galleries and players with an image, in page order. */
  figures: El[]
  /** The texts of the elements marked as a date (`<time>`, `itemprop=datePublished`, a date class). */
  dateTexts: string[]
}

const AUTHOR_LINK =
  /\/(?:authors?|people|person|profiles?|journalists?|staff|contributors?|writers?|reporters?|columnists?|by|bio)\/|[?&]author=/i
const DATE_CLASS =
  /(?:^|[-_\s])(?:date|dateline|time|timestamp|pubdate|published|posted|post-date|entry-date|article-date|publish-date|date-published)(?:$|[-_\s])/

/**
 * What the visible page says about the article outside its text: headings, the byline and the
 * date, each taken from the first place that holds one, never from teasers, sidebars or comments,
 * and never after the article text (`content`) ends.
 */
export function scanPage(root: El, content: El[], sites: string[]): Scan {
  const contentStart = Math.min(...content.map((c) => c.start))
  const contentEnd = Math.max(...content.map((c) => c.end))
  const scan: Scan = { h1s: [], authors: [], publishedAt: null, figures: [], dateTexts: [] }
  let textDateFound: string | null = null
  const visit = (el: El, inByline: boolean) => {
    if (el.start > contentEnd) return
    // A wrapper around the article text is never a teaser, whatever its class says.
    if (isTeaserBox(el) && !(el.start <= contentStart && el.end >= contentEnd)) return
    if (el.tag === 'h1' && !isLogo(el)) scan.h1s.push(squash(textOf(el)))
    if (isMedia(el)) {
      scan.figures.push(el)
      if (el.tag === 'figure' || el.tag === 'picture') return
    }
    // A long "author" box is a bio or a wrapper, not a byline.
    const byline = !inByline && el.chars <= 300 && isBylineBox(el)
    if (byline && scan.authors.length === 0) {
      scan.authors = bylineNames(el, sites)
      // `<span class="byline-prefix">By</span> <a …>Jane Doe</a>`: the label marks its parent.
      if (scan.authors.length === 0 && el.chars < 10 && el.parent && el.parent.chars <= 300) {
        scan.authors = bylineNames(el.parent, sites)
      }
    }
    const machine = el.attrs.itemprop === 'datePublished' || el.tag === 'time'
    const dated = machine || (el.chars <= 100 && DATE_CLASS.test(el.names))
    if ((dated || el.attrs.itemprop === 'dateModified') && el.chars <= 100) {
      scan.dateTexts.push(squash(textOf(el)))
    }
    if (!scan.publishedAt) {
      const value =
        el.attrs.content ?? el.attrs.datetime ?? el.attrs['data-datetime'] ?? el.attrs.title
      if (dated && value && /^\d{4}-\d{2}-\d{2}/.test(value)) scan.publishedAt = isoDate(value)
      else if (dated && !textDateFound) textDateFound = textDate(textOf(el))
    }
    for (const child of el.children) if (typeof child !== 'string') visit(child, inByline || byline)
  }
  visit(root, false)
  scan.publishedAt ??= textDateFound
  return scan
}

const LOGO = /logo|brand|masthead|site-?(?:title|name|header)/

/** A site's name set as a heading: `<h1 class="logo">`, `<div id="masthead"><h1>`. */
const isLogo = (h1: El) =>
  LOGO.test(h1.names) ||
  LOGO.test(h1.parent?.names ?? '') ||
  LOGO.test(h1.parent?.parent?.names ?? '')

/** Author links in the byline when there are any (`By <a>A</a>, <a>B</a>`), else its text. */
function bylineNames(el: El, sites: string[]): string[] {
  const links: string[] = []
  const visit = (node: Node) => {
    if (typeof node === 'string') return
    const href = node.attrs.href ?? ''
    const named = node.attrs.itemprop === 'name' || /\bauthor\b/i.test(node.attrs.rel ?? '')
    if (named || (node.tag === 'a' && AUTHOR_LINK.test(href))) links.push(textOf(node))
    else node.children.forEach(visit)
  }
  visit(el)
  const linked = links.flatMap((text) => namesIn(text, sites, true))
  return linked.length > 0 ? linked : namesIn(pieces(el), sites)
}

/** Text with a `|` wherever a date, a line break or a block separates two parts. */
function pieces(node: Node): string {
  if (typeof node === 'string') return node
  if (node.tag === 'br') return ' | '
  const text = node.children.map(pieces).join('')
  const apart = node.tag === 'time' || BLOCK.has(node.tag) || DATE_CLASS.test(node.names)
  return apart ? ` | ${text} | ` : text
}
