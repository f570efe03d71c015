/** Pictures, galleries and players as a page marks them, and the captions that go with them. */
import { letters, linkDensity, textOf } from './text'
import { BLOCK, type El } from './tree'

const CAPTION = /caption|credit/
export const isCaptionBox = (el: El): boolean =>
  el.tag === 'figcaption' || (el.chars < 1000 && CAPTION.test(el.names))

const MEDIA = /gallery|slideshow|carousel|lightbox|video|player|embed|media|photo|image|img/
/**
 * Figures, galleries and players: their captions are kept, the rest is not body text. A gallery
 * set as a list of figures is not one: each of its figures is read as one.
 */
export const isMedia = (el: El): boolean =>
  el.tag === 'figure' ||
  el.tag === 'picture' ||
  (el.hasImage &&
    el.chars < 1000 &&
    MEDIA.test(el.names) &&
    !isFigureList(el) &&
    !isTextCard(el)) ||
  isBareImage(el)

/**
 * A block that is one picture and nothing else (`<p><a href="…"><img></a></p>`), or the picture
 * and a line repeating its alt text: a figure without the tag. Icons and pixels are not pictures.
 */
function isBareImage(el: El): boolean {
  if (!el.hasImage || el.chars > 300 || el.tag === 'a' || !BLOCK.has(el.tag)) return false
  let image: El | null = null
  let images = 0
  const visit = (node: El) => {
    for (const child of node.children) {
      if (typeof child === 'string' || images > 1) continue
      if (child.tag === 'img') {
        image = child
        images++
      } else if (child.hasImage) visit(child)
    }
  }
  visit(el)
  const img = image as El | null
  if (images !== 1 || !img || isIcon(img)) return false
  const text = letters(textOf(el))
  return text === '' || text === letters(img.attrs.alt ?? '')
}

const isIcon = (img: El): boolean =>
  /emoji|icon|avatar|logo/.test(img.names) ||
  Number(img.attrs.width) <= 50 ||
  Number(img.attrs.height) <= 50

/** A list item that is a figure, or holds one beside nothing but whitespace (a gallery's item). */
export const holdsMedia = (li: El): boolean =>
  li.hasImage && li.children.every((c) => (typeof c === 'string' ? c.trim() === '' : isMedia(c)))

// A card with a photo and a paragraph's worth of its own text in paragraphs, items or headings
// (a recipe, a how-to) is content; a player's or gallery's labels and blurbs are not.
const CARD_TEXT = 300
const isTextCard = (el: El): boolean =>
  el.chars >= CARD_TEXT && linkDensity(el) < 0.5 && proseBesideCaptions(el) >= CARD_TEXT

const PROSE = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'td'])

function proseBesideCaptions(el: El, inProse = false): number {
  let chars = 0
  for (const child of el.children) {
    if (typeof child === 'string') chars += inProse ? child.trim().length : 0
    else if (!isCaptionBox(child))
      chars += proseBesideCaptions(child, inProse || PROSE.has(child.tag))
  }
  return chars
}

const isFigureList = (el: El): boolean =>
  (el.tag === 'ul' || el.tag === 'ol') &&
  el.children.every((c) =>
    typeof c === 'string' ? c.trim() === '' : c.tag === 'li' && holdsMedia(c),
  )
