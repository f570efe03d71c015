import { letters, linkDensity, textOf } from './text'
import { BLOCK, type El } from './tree'

/**
 * How hard page chrome is pruned. `strict` judges each class token on its own, so
 * `ArticleBody-related-coverage RelatedCoverage-container` is chrome; `readability` is Mozilla
 * Readability's rule (a hint like `article` or `body` anywhere keeps the element); `none` keeps all.
 * Extraction starts strict and relaxes when too little text survives.
 */
export type Level = 'strict' | 'readability' | 'none'
export const LEVELS: Level[] = ['strict', 'readability', 'none']

const CHROME_WORDS =
  'advert|agegate|author|banner|breadcrumb|byline|combx|comment|community|consent|cookie|disqus|footer|gdpr|header|keywords|legends|masthead|newsletter|outbrain|pager|pagination|popular|popup|promo|recirc|recommend|related|remark|replies|share|sharing|shoutbox|sidebar|signup|skyscraper|social|sponsor|standfirst|strapline|subscribe|subtitle|supplemental|taboola|teaser|toolbar|trending|widget'
const CHROME_TOKEN = new RegExp(
  `${CHROME_WORDS}|adslot|ad-break|(?:^|[-_])(?:ads?|dfp|nav|navbar|navigation|menu|rss|tags?|tools|topics|extra|rail|dek|deck)(?:$|[-_])`,
)
const READABILITY_UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/
const READABILITY_MAYBE = /and|article|body|column|content|main|mathjax|shadow/
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'form'])
const CHROME_ROLES =
  /^(?:menu|menubar|complementary|navigation|alert|alertdialog|dialog|banner|contentinfo)$/

/** Page chrome (navigation, sharing, comments, related teasers, ads) at the given level. */
export function isUnlikely(el: El, level: Level): boolean {
  if (level === 'none' || el.wrapsArticle) return false
  if (el.tag === 'html' || el.tag === 'body' || el.tag === 'main') return false
  if (CHROME_TAGS.has(el.tag) && !(el.tag === 'form' && el.hasBlock && el.chars > 2000)) return true
  if (CHROME_ROLES.test(el.attrs.role ?? '')) return true
  const labels = POST_CLASS.test(el.names) ? TAXONOMY : ADDRESS
  const names = el.names.includes('-') ? el.names.replace(labels, ' ') : el.names
  if (names.trim() === '') return false
  if (level === 'readability')
    return READABILITY_UNLIKELY.test(names) && !READABILITY_MAYBE.test(names)
  return names.split(/\s+/).some((token) => token !== '' && CHROME_TOKEN.test(token))
}

// A CMS names a post's own tags and categories in its classes (WordPress's `hentry type-post
// tag-social-media category-ads`), and some name the page's address (`url-news-breadcrumb-…`,
// `path-…`): they say what the page is about, not that it is chrome.
const POST_CLASS = /(?:^|\s)(?:hentry|type-post|status-publish)(?:\s|$)/
const ADDRESS = /(?:^|\s)(?:url|path|slug)-\S*/g
const TAXONOMY = /(?:^|\s)(?:tag|category|url|path|slug)-\S*/g

const RELATED = /related|recirc|recommend|more|also|read-?next|further/
export const isRelatedBox = (el: El): boolean => RELATED.test(el.names)

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

// A card with a photo and a paragraph's worth of its own text (a recipe, a how-to) is content.
const CARD_TEXT = 300
const isTextCard = (el: El): boolean =>
  el.chars >= CARD_TEXT && linkDensity(el) < 0.5 && textBesideCaptions(el) >= CARD_TEXT

function textBesideCaptions(el: El): number {
  let chars = 0
  for (const child of el.children) {
    if (typeof child === 'string') chars += child.trim().length
    else if (!isCaptionBox(child)) chars += textBesideCaptions(child)
  }
  return chars
}

const isFigureList = (el: El): boolean =>
  (el.tag === 'ul' || el.tag === 'ol') &&
  el.children.every((c) =>
    typeof c === 'string' ? c.trim() === '' : c.tag === 'li' && holdsMedia(c),
  )

// Around the article's own byline and date: never inside these.
const TEASER =
  /sidebar|related|recirc|recommend|promo|teaser|comment|footer|widget|popular|trending|outbrain|taboola|newsletter|(?:^|[-_\s])(?:nav|menu|rail|card|cards|more|latest|river|feed)(?:$|[-_\s])/
export const isTeaserBox = (el: El): boolean =>
  el.tag === 'nav' || el.tag === 'aside' || el.tag === 'footer' || TEASER.test(el.names)

// Not `credit`: near the top of a page that is the photo's credit far more often than a byline.
const BYLINE = /byline|author|contributor|(?:^|[-_\s])(?:writer|reporter)(?:$|[-_\s])/
export const isBylineBox = (el: El): boolean =>
  /\bauthor\b/i.test(el.attrs.rel ?? '') ||
  /(?:^|\s)(?:author|creator)(?:\s|$)/i.test(el.attrs.itemprop ?? '') ||
  BYLINE.test(el.names)
