import type { Article } from '../../model/article'
import { absoluteUrl } from '../paths'
import type { Site } from '../../model/site'
import { bodyHtml } from './body'
import { feedEntry, feedUpdated, languageTag, type FeedEntry, type FeedInfo } from './feed-info'
import { el, xmlDocument, type Markup } from './xml'

const ATOM_NS = 'http://www.w3.org/2005/Atom'
const ATOM_TYPE = 'application/atom+xml'

function entryXml(article: Article, entry: FeedEntry, site: Site): Markup {
  const children: Markup[] = [
    el('id', {}, entry.url),
    el('title', {}, article.headline),
    el('link', { rel: 'alternate', type: 'text/html', href: entry.url }),
  ]
  if (entry.published !== null) children.push(el('published', {}, entry.published))
  children.push(el('updated', {}, entry.updated))
  for (const author of entry.authors) {
    children.push(el('author', {}, [el('name', {}, author.name), el('uri', {}, author.url)]))
  }
  for (const tag of article.tags) children.push(el('category', { term: tag.slug, label: tag.name }))
  if (article.summary) children.push(el('summary', {}, article.summary))
  // type="html": the body's markup travels as escaped text, so feed readers sanitize it as HTML.
  children.push(el('content', { type: 'html' }, bodyHtml(article, site.origin)))
  return el('entry', { 'xml:lang': languageTag(article.language) }, children)
}

/**
 * An Atom 1.0 document (RFC 4287). The feed-level author is the site, which Atom applies to
 * entries that name no author; `next` is the RFC 5005 link to the older page.
 */
export function renderAtomFeed(feed: FeedInfo, entries: Article[], site: Site): string {
  const feedEntries = entries.map((article) => feedEntry(article, feed, site))
  const self = absoluteUrl(site, feed.path)
  const children: Markup[] = [el('id', {}, self), el('title', {}, feed.title)]
  if (feed.description) children.push(el('subtitle', {}, feed.description))
  children.push(
    el('updated', {}, feedUpdated(feedEntries, feed)),
    el('link', { rel: 'self', type: ATOM_TYPE, href: self }),
    el('link', { rel: 'alternate', type: 'text/html', href: absoluteUrl(site, feed.htmlPath) }),
  )
  if (feed.nextPath) {
    const next = absoluteUrl(site, feed.nextPath)
    children.push(el('link', { rel: 'next', type: ATOM_TYPE, href: next }))
  }
  children.push(
    el('author', {}, [el('name', {}, site.name), el('uri', {}, absoluteUrl(site, '/'))]),
    el('generator', {}, 'edge-articles'),
    ...entries.map((article, i) => entryXml(article, feedEntries[i]!, site)),
  )
  const lang = languageTag(feed.language)
  return xmlDocument(el('feed', { xmlns: ATOM_NS, 'xml:lang': lang }, children))
}
