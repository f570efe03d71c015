import { Parser } from 'htmlparser2'
import { overLimit } from '../errors'
import { addMeta, appendText, element, isHidden, type El } from './elements'

export type { El, Node } from './elements'

export interface Page {
  root: El
  title: string
  lang: string
  /** `<meta>` values by lowercased name, property, itemprop or http-equiv. */
  metas: Map<string, string[]>
  canonical: string | null
  jsonLd: string[]
}

export const BLOCK = new Set(
  'address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
)
// Never article text; their subtrees are not built at all.
const SKIP = new Set(
  'head script style noscript template svg math iframe object embed canvas select textarea button video audio map title'.split(
    ' ',
  ),
)
// Deeper elements are flattened into their ancestor: no walk ever recurses past this.
const MAX_DEPTH = 120
// htmlparser2 keeps open tags in an array it shifts and unshifts: past this, every tag costs more.
const MAX_OPEN = 1000

export function parsePage(html: string): Page {
  const root = element('#root', {}, null, 0)
  const page: Page = { root, title: '', lang: '', metas: new Map(), canonical: null, jsonLd: [] }
  const frames: (El | null)[] = []
  let current = root
  let depth = 0
  let skipAt = -1
  let skipTag = ''
  let capture: 'title' | 'json' | null = null
  let captured = ''
  let order = 0
  // A text run arrives in many pieces (one per entity): joined once, when it ends, it stays linear.
  let pending: string[] = []
  const flushText = () => {
    if (pending.length > 0) appendText(current, pending.join(''))
    pending = []
  }
  const parser = new Parser({
    onopentag(tag, attrs) {
      order++
      if (frames.length >= MAX_OPEN) throw overLimit('nesting', `${MAX_OPEN} levels of elements`)
      if (tag === 'meta') addMeta(page.metas, attrs)
      else if (tag === 'link' && /\bcanonical\b/i.test(attrs.rel ?? ''))
        page.canonical ??= attrs.href ?? null
      else if (tag === 'html') page.lang ||= attrs.lang ?? attrs['xml:lang'] ?? ''
      else if (tag === 'title' && !page.title && skipTag !== 'svg') capture = 'title'
      else if (tag === 'script' && /ld\+json/i.test(attrs.type ?? '')) capture = 'json'
      if (skipAt < 0 && (SKIP.has(tag) || isHidden(tag, attrs))) {
        skipAt = frames.length
        skipTag = tag
      }
      if (skipAt >= 0 || depth >= MAX_DEPTH) {
        frames.push(null)
        return
      }
      flushText()
      const el = element(tag, attrs, current, order)
      if (BLOCK.has(tag))
        for (let a: El | null = current; a && !a.hasBlock; a = a.parent) a.hasBlock = true
      if (tag === 'img')
        for (let a: El | null = current; a && !a.hasImage; a = a.parent) a.hasImage = true
      current.children.push(el)
      frames.push(el)
      current = el
      depth++
    },
    ontext(text) {
      if (capture) captured += text
      else if (skipAt < 0) pending.push(text)
    },
    onclosetag() {
      order++
      if (capture === 'title') page.title = captured
      else if (capture === 'json') page.jsonLd.push(captured)
      capture = null
      captured = ''
      const frame = frames.pop()
      if (skipAt >= 0 && frames.length <= skipAt) skipAt = -1
      if (skipAt < 0) skipTag = ''
      if (!frame) return
      flushText()
      frame.end = order
      current = frame.parent ?? root
      depth--
    },
  })
  parser.end(html)
  flushText()
  root.end = order + 1
  return page
}
