/** A slim element: what extraction needs, built straight from htmlparser2's events. */
export interface El {
  tag: string
  attrs: Record<string, string>
  children: Node[]
  parent: El | null
  /** Document order of the start and end tags. */
  start: number
  end: number
  /** Whether a block-level element sits anywhere below. */
  hasBlock: boolean
  /** Whether an `<img>` sits anywhere below. */
  hasImage: boolean
  /** The page's main `<article>` or a wrapper around it: never chrome, whatever its class says. */
  wrapsArticle: boolean
  /** Class and id, lowercased. */
  names: string
  /** Text, link-text and comma counts of the subtree, filled in by `measure`. */
  chars: number
  linkChars: number
  commas: number
}
export type Node = El | string

const HIDDEN_CLASS =
  /(?:^|\s)(?:hidden|sr-only|visually-?hidden|screen-?reader-(?:text|only)|off-?screen|hide-?text)(?:\s|$)/i
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i
// Bootstrap's `d-none` hides an element unless a breakpoint's class shows it (`d-lg-block`);
// `d-print-block` and the print-only classes of other frameworks show it on paper alone.
const PRINT_ONLY = /(?:^|\s)(?:print-only|visible-print(?:-block)?|show-for-print)(?:\s|$)/i
const SCREEN_NONE = /(?:^|\s)d-none(?:\s|$)/i
const SHOWN_AT = /(?:^|\s)d-(?:sm|md|lg|xl|xxl)-(?!none)/i
// Most classes name neither: one substring look each before any pattern runs.
const offScreen = (names: string) =>
  (names.includes('print') && PRINT_ONLY.test(names)) ||
  (names.includes('d-none') && SCREEN_NONE.test(names) && !SHOWN_AT.test(names))

/**
 * Hidden from readers (`hidden`, `aria-hidden`, `display: none`, screen-reader-only classes, a
 * framework's hidden or print-only classes).
 */
export function isHidden(tag: string, attrs: Record<string, string>): boolean {
  // A saved page can carry a modal's aria-hidden on its main wrappers; those are still the page.
  if (tag === 'body' || tag === 'main' || tag === 'article' || tag === 'html') return false
  return (
    attrs.hidden !== undefined ||
    attrs['aria-hidden'] === 'true' ||
    (attrs.style !== undefined && HIDDEN_STYLE.test(attrs.style)) ||
    (attrs.class !== undefined && (HIDDEN_CLASS.test(attrs.class) || offScreen(attrs.class)))
  )
}

/** `<meta>` values by lowercased name, property, itemprop or http-equiv (`content` or `value`). */
export function addMeta(metas: Map<string, string[]>, attrs: Record<string, string>): void {
  const value = attrs.content ?? attrs.value
  if (value === undefined) return
  for (const key of [attrs.property, attrs.name, attrs.itemprop, attrs['http-equiv']]) {
    if (!key) continue
    const name = key.trim().toLowerCase()
    const list = metas.get(name)
    if (list) list.push(value)
    else metas.set(name, [value])
  }
}

/** Class and id as one lowercase string, computed once per element. */
const namesOf = (attrs: Record<string, string>): string =>
  attrs.class === undefined && attrs.id === undefined
    ? ''
    : `${attrs.class ?? ''} ${attrs.id ?? ''}`.toLowerCase()

/** Whether `el` is `ancestor` or lies inside it. */
export const contains = (ancestor: El, el: El): boolean =>
  ancestor.start <= el.start && el.end <= ancestor.end

/** A new element, not yet attached. */
export function element(
  tag: string,
  attrs: Record<string, string>,
  parent: El | null,
  start: number,
): El {
  return {
    tag,
    attrs,
    children: [],
    parent,
    start,
    end: start,
    hasBlock: false,
    hasImage: false,
    wrapsArticle: false,
    names: namesOf(attrs),
    chars: 0,
    linkChars: 0,
    commas: 0,
  }
}

// Whitespace runs become one space as the text arrives; finalize trims and cleans the rest.
export function appendText(el: El, raw: string): void {
  const text = raw.replace(/\s+/g, ' ')
  const last = el.children.length - 1
  const prev = el.children[last]
  if (typeof prev !== 'string') el.children.push(text)
  else
    el.children[last] =
      prev.endsWith(' ') && text.startsWith(' ') ? prev + text.slice(1) : prev + text
}
