import type { NormalizedArticle } from '../../model/article'
import { IngestError } from '../errors'
import { finalize, type ArticleParts } from '../finalize'
import type { UploadMeta } from '../meta'
import { blockText } from '../summary'
import { cleanInline } from '../text-clean'
import { namesIn, siteKeys } from './authors'
import { readBody, type Body } from './blocks'
import { LEVELS } from './classes'
import { findContent, markArticle } from './content'
import { urlDate } from './dates'
import { figure, sameImage } from './figures'
import { readLead } from './lead'
import { readMetadata, type Metadata } from './metadata'
import { scanPage } from './page-scan'
import { chooseTitle, shownTexts, titlePieces } from './title'
import { letters, measure } from './text'
import { parsePage, type El } from './tree'
import { absoluteUrl } from './urls'

// Readability's bar: with less text than this, retry with less chrome pruned.
const ENOUGH_TEXT = 500
const SOME_TEXT = 140

/**
 * Whole saved article pages (text/html). Structured data (JSON-LD, OpenGraph and other meta)
 * is read first; the visible page fills what it lacks; upload meta fills what the page lacks.
 */
export function parseHtmlArticle(html: string, meta: UploadMeta): NormalizedArticle {
  let parts: ArticleParts
  try {
    parts = readArticle(html, meta)
  } catch (error) {
    if (error instanceof IngestError) throw error
    throw new IngestError(422, 'unreadable_html', 'the page could not be read as an article')
  }
  return finalize(parts)
}

function readArticle(html: string, meta: UploadMeta): ArticleParts {
  const page = parsePage(html)
  const info = readMetadata(page, absoluteUrl(meta.sourceUrl, null))
  const base = info.canonical ?? absoluteUrl(meta.sourceUrl, null)
  // A person's blog may live at their own name's host: hosts mark brands in titles only.
  const sites = siteKeys(info.siteNames)
  const brands = siteKeys([...info.siteNames, ...info.hostNames])
  measure(page.root)
  markArticle(page.root)
  const { containers, body } = extract(page.root, base)
  const scan = scanPage(page.root, containers, sites)
  const candidates = [...info.titles, ...headingFor(scan.h1s, info, brands), info.documentTitle]
  const shown = shownTexts(page.root, titlePieces(candidates))
  const title = chooseTitle(candidates, shown, brands)
  const lead = readLead(body.blocks, title ?? '', sites, scan.dateTexts)
  const structured = (info.ld?.authors ?? []).flatMap((a) => namesIn(a, sites, true))
  const fromMeta = info.authorTexts.flatMap((a) => namesIn(a, sites, true))
  const art = leadFigure(scan.figures, info.image, containers[0]?.start ?? 0, base)
  const image = info.image ?? art?.src ?? null
  return {
    title,
    dateline: lead.dateline,
    authors: [structured, scan.authors, lead.authors, fromMeta].find((a) => a.length > 0) ?? [],
    // The lead image is shown as the lead: not again in the body.
    body: lead.blocks.filter((b) => !(b.type === 'figure' && image && sameImage(b.url, image))),
    related: body.related,
    notices: [],
    captions: body.captions,
    tags: [],
    publishedAt:
      info.publishedAt ??
      scan.publishedAt ??
      lead.publishedAt ??
      urlDate(base) ??
      meta.publishedAt ??
      null,
    modifiedAt: info.modifiedAt,
    sourceUrl: info.canonical ?? meta.sourceUrl ?? null,
    siteName: info.siteName,
    language: info.language,
    // finalize stores the image as given: its caption is cleaned here like every other text.
    image: image
      ? { url: image, caption: cleanInline(info.ld?.imageCaption ?? art?.caption ?? '') || null }
      : null,
  }
}

/** The page's headline among its `<h1>`s: one the title tags name, else the first not the site. */
function headingFor(h1s: string[], info: Metadata, sites: string[]): string[] {
  const pieces = new Set(titlePieces([...info.titles, info.documentTitle]).map(letters))
  const own = h1s.filter((h) => !sites.includes(letters(h)))
  const named = own.find((h) => pieces.has(letters(h)))
  return named ? [named] : own.slice(0, 1)
}

/** The figure showing the lead image: the same file, else the art above the article text. */
function leadFigure(figures: El[], image: string | null, textStart: number, base: string | null) {
  const found = figures.map((el) => ({ start: el.start, ...figure(el, base) }))
  return (
    found.find((f) => f.src && image && sameImage(f.src, image)) ??
    found.find((f) => f.src && f.start < textStart)
  )
}

/**
 * Content at the strictest pruning level that leaves enough text; a short piece (a brief) is
 * taken at the strictest level that finds a paragraph's worth, since looser levels only add chrome.
 */
function extract(root: El, base: string | null): { containers: El[]; body: Body } {
  const tries: { containers: El[]; body: Body; chars: number }[] = []
  for (const level of LEVELS) {
    const containers = findContent(root, level)
    const body = readBody(containers, level, base)
    const chars = body.blocks.reduce((sum, b) => sum + blockText(b).length, 0)
    tries.push({ containers, body, chars })
    if (chars >= ENOUGH_TEXT) break
  }
  const longest = tries.reduce((a, b) => (b.chars > a.chars ? b : a))
  return tries.find((t) => t.chars >= ENOUGH_TEXT || t.chars >= SOME_TEXT) ?? longest
}
