import type { El } from './tree'

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
