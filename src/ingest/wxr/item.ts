import type { NormalizedArticle } from '../../model/article'
import { IngestError } from '../errors'
import { finalize, type ArticleParts } from '../finalize'
import { readFragment } from '../html/fragment'
import { plain } from '../html/text'
import { absoluteUrl } from '../html/urls'
import { checkShape } from '../shape'
import { autop } from './autop'
import { gmtDate, rssDate } from './dates'
import { fieldText, readItem, type ItemField } from './fields'
import { expandShortcodes } from './shortcodes'
import { wxrPublication } from './status'

export interface WxrItemMeta {
  /** The name the splitter resolved for the item's `<dc:creator>` login (its `author`). */
  author?: string | null
}

const TAXONOMIES = new Set(['category', 'post_tag'])
// Gutenberg's block delimiters; their attributes escape `<` and `>`, so neither occurs inside.
const BLOCK_COMMENT = /<!--\s*\/?wp:[^<>]*-->/g
const HAS_BLOCKS = /<!--\s*wp:/

/**
 * One `<item>` of a WordPress export (its exact text, as WxrSplitter reports it) to the article
 * model. Only posts are articles: pages, attachments, menu items and other types are refused
 * (422 not_an_article). Its `<wp:status>` asks for a status (status.ts): drafts are read like
 * published posts. Throws IngestError, and nothing else, for any input.
 */
export function parseWxrItem(xml: string, meta: WxrItemMeta = {}): NormalizedArticle {
  try {
    const fields = readItem(xml)
    const article = finalize(readParts(fields, meta))
    const publication = wxrPublication(fieldText(fields, 'wp:status'), article.publishedAt)
    return publication ? { ...article, publication } : article
  } catch (error) {
    if (error instanceof IngestError) throw error
    throw new IngestError(422, 'unreadable_wxr', 'the WXR item could not be read as an article')
  }
}

/** The item's `<wp:status>` (`publish`, `draft`, `pending`, `private`, `future`, …), or null. */
export function wxrStatus(xml: string): string | null {
  return wxrKind(xml).status
}

/** The item's `<wp:post_type>` (`post`, `page`, `attachment`, …) and `<wp:status>`, read once. */
export function wxrKind(xml: string): { type: string | null; status: string | null } {
  try {
    const fields = readItem(xml)
    return { type: fieldText(fields, 'wp:post_type'), status: fieldText(fields, 'wp:status') }
  } catch {
    return { type: null, status: null }
  }
}

function readParts(fields: ItemField[], meta: WxrItemMeta): ArticleParts {
  const text = (name: string) => fieldText(fields, name)
  const type = text('wp:post_type')
  if (type !== null && type !== 'post') {
    throw new IngestError(422, 'not_an_article', `the item is a WordPress ${type}, not a post`)
  }
  const link = absoluteUrl(text('link'), null)
  const content = text('content:encoded') ?? ''
  checkShape('html', content)
  const body = readFragment(bodyHtml(content), link)
  const creator = meta.author?.trim() || plain(text('dc:creator') ?? '')
  return {
    title: plain(text('title') ?? ''),
    dateline: null,
    authors: creator ? [creator] : [],
    body: body.blocks,
    related: body.related,
    notices: [],
    captions: body.captions,
    tags: fields.filter(isTerm).map((f) => plain(f.text)),
    publishedAt: gmtDate(text('wp:post_date_gmt')) ?? rssDate(text('pubDate')),
    modifiedAt: gmtDate(text('wp:post_modified_gmt')),
    sourceUrl: link,
  }
}

/** Categories and tags, not "Uncategorized" (WordPress files every post there by default). */
const isTerm = (f: ItemField): boolean =>
  f.name === 'category' &&
  TAXONOMIES.has(f.attrs.domain ?? '') &&
  f.attrs.nicename !== 'uncategorized' &&
  f.text.trim() !== 'Uncategorized'

/** The stored content as the HTML WordPress would show: shortcodes run, classic text paragraphed. */
function bodyHtml(content: string): string {
  const blocks = HAS_BLOCKS.test(content)
  const html = expandShortcodes(content.replace(BLOCK_COMMENT, '\n'))
  // WordPress skips wpautop for block-editor posts, whose paragraphs are already <p>s.
  return blocks ? html : autop(html)
}
