import type { Article } from '../../model/article'
import { absoluteUrl, safeHref } from '../paths'
import type { Site } from '../../model/site'
import { bodyHtml, bodyText } from './body'
import { feedEntry, languageTag, type FeedInfo } from './feed-info'
import { stripIllegalXml } from './xml'

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1'

function imageUrl(article: Article, site: Site): string | undefined {
  const href = safeHref(article.image?.url ?? null)
  if (href === null) return undefined
  return href.startsWith('/') ? absoluteUrl(site, href) : href
}

function item(article: Article, feed: FeedInfo, site: Site) {
  const entry = feedEntry(article, feed, site)
  return {
    id: entry.url,
    url: entry.url,
    title: article.headline,
    content_html: bodyHtml(article, site.origin),
    content_text: bodyText(article),
    summary: article.summary || undefined,
    image: imageUrl(article, site),
    date_published: entry.published ?? undefined,
    date_modified: entry.updated,
    authors: entry.authors.length > 0 ? entry.authors : undefined,
    tags: article.tags.length > 0 ? article.tags.map((tag) => tag.name) : undefined,
    language: languageTag(article.language) ?? undefined,
  }
}

// Strict decoders (serde_json, Go's encoding/json) refuse lone surrogates even as \u escapes, so
// strings get the same cleaning as the Atom feed's text.
const clean = (_key: string, value: unknown) =>
  typeof value === 'string' ? stripIllegalXml(value) : value

/**
 * A JSON Feed 1.1 document. Items without authors take the feed's, which is the site; optional
 * fields without a value are left out, not null.
 */
export function renderJsonFeed(feed: FeedInfo, entries: Article[], site: Site): string {
  const document = {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: absoluteUrl(site, feed.htmlPath),
    feed_url: absoluteUrl(site, feed.path),
    description: feed.description || undefined,
    next_url: feed.nextPath ? absoluteUrl(site, feed.nextPath) : undefined,
    language: languageTag(feed.language) ?? undefined,
    authors: [{ name: site.name, url: absoluteUrl(site, '/') }],
    items: entries.map((article) => item(article, feed, site)),
  }
  return JSON.stringify(document, clean)
}
