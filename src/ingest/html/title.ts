import { letters, squash, textOf } from './text'
import type { El } from './tree'

const SEPARATOR = /\s+(?:[|\-–—·•»]|::)\s+/g
const COLON = /:\s+/g

/**
 * The headline: the first candidate (JSON-LD headline, og:title, …, h1, `<title>`) with the site's
 * name cut off its ends (`… - Los Angeles Times`, `BBC News | …`). `shown` holds the texts the page
 * shows as an element of their own: a candidate shown whole is kept as written; otherwise a shown
 * piece is the headline and the other pieces are branding (`Springfield Gazette: Mill closing …`).
 */
export function chooseTitle(
  candidates: string[],
  shown: Set<string>,
  sites: string[],
): string | null {
  // A headline cut short for search results (`… tolerate U.S. …`) is the last resort.
  const cut = (t: string) => /(?:\.\.\.|…)$/.test(t.trim())
  const all = [...candidates.filter((c) => !cut(c)), ...candidates.filter(cut)]
    .map((c) => withoutSite(squash(c), shown, sites))
    .filter((t) => t !== '')
  // An og:title that is only the site's name says nothing about the article, unless every
  // candidate is (a site that names itself after the post, one post a site).
  const named = all.filter((t) => !sites.includes(letters(t)))
  const titles = named.length > 0 ? named : all
  const first = titles[0]
  if (first === undefined) return null
  // JSON-LD headlines are often cut at 110 characters: the page may show the whole one.
  const key = letters(first)
  const whole = titles.find((t) => t.length > first.length && letters(t).startsWith(key))
  return whole && shown.has(letters(whole)) ? whole : first
}

/** Every piece a candidate splits into, for `shownTexts`. */
export function titlePieces(candidates: string[]): string[] {
  return candidates.flatMap((candidate) => {
    const title = squash(candidate)
    return [title, ...[SEPARATOR, COLON].flatMap((s) => split(title, s).map((p) => p.text))]
  })
}

function withoutSite(title: string, shown: Set<string>, sites: string[]): string {
  if (title === '' || shown.has(letters(title))) return title
  const pieces = split(title, SEPARATOR)
  const longest = Math.max(...pieces.map((p) => p.text.length))
  const isBrand = (text: string) => text.length < longest && isSite(text, sites)
  let first = 0
  let last = pieces.length - 1
  while (last > first && isBrand(pieces[last]!.text)) last--
  while (first < last && isBrand(pieces[first]!.text)) first++
  const kept = pieces.slice(first, last + 1)
  const visible = kept.filter((p) => shown.has(letters(p.text)))
  if (kept.length > 1 && visible.length > 0) return longestOf(visible)
  const rest = title.slice(kept[0]!.from, kept.at(-1)!.to)
  if (shown.has(letters(rest))) return rest
  const labelled = split(rest, COLON).filter((p) => shown.has(letters(p.text)))
  return labelled.length > 0 ? longestOf(labelled) : rest
}

interface Piece {
  text: string
  from: number
  to: number
}

function split(title: string, separator: RegExp): Piece[] {
  const pieces: Piece[] = []
  let from = 0
  for (const match of title.matchAll(separator)) {
    pieces.push({ text: title.slice(from, match.index), from, to: match.index })
    from = match.index + match[0].length
  }
  pieces.push({ text: title.slice(from), from, to: title.length })
  return pieces
}

const longestOf = (pieces: Piece[]) =>
  pieces.reduce((a, b) => (b.text.length > a.text.length ? b : a)).text

function isSite(text: string, sites: string[]): boolean {
  const key = letters(text)
  if (key === '') return false
  const short = text.split(' ').length <= 4
  return sites.some(
    (site) =>
      site === key ||
      (short &&
        ((site.length >= 5 && key.includes(site)) || (key.length >= 5 && site.includes(key)))),
  )
}

/** Which of the texts (as `letters` keys) the page shows as the whole text of some element. */
export function shownTexts(root: El, texts: string[]): Set<string> {
  const wanted = new Set(texts.map(letters).filter((key) => key.length >= 4))
  const lengths = texts.map((t) => t.length)
  const min = Math.min(...lengths)
  const max = Math.max(...lengths) + 40
  const found = new Set<string>()
  const visit = (el: El) => {
    if (el.chars < min) return
    // A headline stands in a leaf block or a heading, never as a wrapper around blocks.
    if (el.chars <= max && (!el.hasBlock || /^h[1-6]$/.test(el.tag))) {
      const key = letters(textOf(el))
      if (wanted.has(key)) found.add(key)
    }
    for (const child of el.children) if (typeof child !== 'string') visit(child)
  }
  visit(root)
  return found
}
