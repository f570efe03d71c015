import { isCaptionBox } from './classes'
import { squash, textOf } from './text'
import type { El, Node } from './tree'
import { absoluteUrl } from './urls'

export interface Figure {
  src: string | null
  caption: string | null
}

/** The first image of a figure, gallery or player, and the text of its caption elements. */
export function figure(el: El, base: string | null): Figure {
  let src: string | null = null
  const captions: string[] = []
  const visit = (node: Node) => {
    if (typeof node === 'string') return
    if (node.tag === 'img' && !src) src = absoluteUrl(imageSource(node), base)
    if (isCaptionBox(node)) {
      const text = squash(textOf(node))
      if (text !== '') captions.push(text)
    } else node.children.forEach(visit)
  }
  visit(el)
  return { src, caption: captions.length > 0 ? captions.join(' ') : null }
}

// Lazy-loading pages keep the real address in a data attribute and a placeholder in `src`.
const imageSource = (img: El): string | undefined =>
  img.attrs['data-src'] ??
  img.attrs['data-original'] ??
  img.attrs['datasrc'] ??
  (img.attrs.src?.startsWith('data:') ? undefined : img.attrs.src)

/** Whether two image addresses name the same file, whatever size the CDN path asks for. */
export function sameImage(a: string, b: string): boolean {
  const file = (url: string) => url.split(/[?#]/)[0]!.split('/').at(-1) ?? ''
  return file(a) !== '' && file(a) === file(b)
}
