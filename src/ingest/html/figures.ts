import { isCaptionBox } from './media'
import { plain, squash, textOf } from './text'
import type { El, Node } from './tree'
import { absoluteUrl } from './urls'

export interface Figure {
  src: string | null
  /** The image's alt text, as the page wrote it ('' when none). */
  alt: string
  /** All the caption text, credits included, as the page reads. */
  caption: string | null
  /** The caption without the credit elements, and their text (who took or owns the image). */
  parts: { caption: string | null; credit: string | null }
}

/** The first image of a figure, gallery or player, and the text of its caption elements. */
export function figure(el: El, base: string | null): Figure {
  let src: string | null = null
  let alt = ''
  const captions: string[] = []
  const texts: string[] = []
  const credits: string[] = []
  const visit = (node: Node) => {
    if (typeof node === 'string') return
    if (node.tag === 'img' && !src) {
      src = absoluteUrl(imageSource(node), base)
      if (src) alt = plain(node.attrs.alt ?? '')
    }
    if (isCaptionBox(node)) {
      const whole = squash(textOf(node))
      if (whole !== '') captions.push(whole)
      const [caption, credit] = captionParts(node)
      if (caption !== '') texts.push(caption)
      if (credit !== '') credits.push(credit)
    } else node.children.forEach(visit)
  }
  visit(el)
  const joined = (list: string[]) => (list.length > 0 ? list.join(' ') : null)
  const parts = { caption: joined(texts), credit: joined(credits) }
  return { src, alt, caption: joined(captions), parts }
}

const CREDIT = /credit|copyright|photographer/

/** A caption box's text and the text of the credit elements inside it (or the box itself). */
function captionParts(box: El): [string, string] {
  if (CREDIT.test(box.names) && box.tag !== 'figcaption') return ['', squash(textOf(box))]
  let caption = ''
  let credit = ''
  const visit = (node: Node) => {
    if (typeof node === 'string') caption += node
    else if (node.tag === 'br') caption += ' '
    else if (CREDIT.test(node.names)) credit += ` ${textOf(node)}`
    else node.children.forEach(visit)
  }
  visit(box)
  return [squash(caption), squash(credit)]
}

// `… at Pier 3. Photo: Sam Park`, `… in 2007. (Photo by Ana Ruiz)`: a credit after the sentence.
const CREDIT_AT_END =
  /^(.*?[.!?"”])\s+(\(?(?:(?:photo(?:graph)?|image|picture)s?(?:\s+credit)?\s*:|(?:photo(?:graph)?|image)s?\s+by\b|credits?\s*:)[^()]{1,80}\)?)$/i

/** The caption and its credit when a figure's caption ends with one; the caption alone if not. */
export function splitCredit(caption: string): { caption: string; credit: string | null } {
  const match = caption.length <= 2000 ? CREDIT_AT_END.exec(caption) : null
  return match ? { caption: match[1]!, credit: match[2]! } : { caption, credit: null }
}

// Lazy-loading pages keep the real address in a data attribute and a placeholder in `src`.
const imageSource = (img: El): string | undefined =>
  img.attrs['data-src'] ??
  img.attrs['data-original'] ??
  img.attrs['datasrc'] ??
  (img.attrs.src?.startsWith('data:') ? undefined : img.attrs.src)

/**
 * Whether two image addresses name the same file, whatever size the CDN path asks for or the
 * CMS cut it to (`ferry-1200x675.jpg` is `ferry.jpg`, `ferry@2x.jpg` too).
 */
export function sameImage(a: string, b: string): boolean {
  const file = (url: string) =>
    (url.split(/[?#]/)[0]!.split('/').at(-1) ?? '').replace(
      /(?:-\d{2,5}x\d{2,5}|@\dx)(?=\.\w+$)/,
      '',
    )
  return file(a) !== '' && file(a) === file(b)
}
