import type { Article } from '../../model/article'
import { absoluteUrl, authorPath } from '../paths'
import type { Site } from '../../model/site'
import { newest, rfc3339 } from './dates'

/** One feed document: the site's, an author's or a tag's; Atom and JSON Feed read the same. */
export interface FeedInfo {
  title: string
  /** The feed's own path, e.g. `/feed.xml` or `/authors/alex-rodriguez/feed.json`. */
  path: string
  /** The collection page the feed mirrors, e.g. `/` or `/authors/alex-rodriguez`. */
  htmlPath: string
  /** ISO 8601; the feed's updated time when it has no entries. */
  updatedFallback: string
  /** The next (older) page of this feed, when there is one. */
  nextPath?: string | null
  /** One sentence about the feed: Atom `subtitle`, JSON Feed `description`. */
  description?: string | null
  /** BCP 47 tag of the feed's language: Atom `xml:lang`, JSON Feed `language`. */
  language?: string | null
}

/** What both formats say about one article, with URLs absolute and dates in RFC 3339. */
export interface FeedEntry {
  url: string
  published: string | null
  updated: string
  authors: { name: string; url: string }[]
}

export function feedEntry(article: Article, feed: FeedInfo, site: Site): FeedEntry {
  const published = rfc3339(article.publishedAt) ?? rfc3339(article.createdAt)
  return {
    url: absoluteUrl(site, article.url),
    published,
    updated: rfc3339(article.updatedAt) ?? published ?? feedFallback(feed),
    authors: article.authors.map((a) => ({
      name: a.name,
      url: absoluteUrl(site, authorPath(a.slug)),
    })),
  }
}

/** The newest entry's update, or the fallback when there are no entries. */
export const feedUpdated = (entries: FeedEntry[], feed: FeedInfo) =>
  newest(entries.map((e) => e.updated)) ?? feedFallback(feed)

function feedFallback(feed: FeedInfo): string {
  const updated = rfc3339(feed.updatedFallback)
  if (updated !== null) return updated
  throw new RangeError(`updatedFallback is not ISO 8601: ${feed.updatedFallback}`)
}

const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/

/** A BCP 47 tag as stored, or null for anything that is not shaped like one. */
export const languageTag = (value: string | null | undefined) =>
  value && LANGUAGE_TAG.test(value) ? value : null
