import { raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { Child } from 'hono/jsx'
import type { JSX } from 'hono/jsx/jsx-runtime'
import { headTag, headTags } from './head-tags'
import { absoluteUrl } from './paths'
import type { Site } from '../model/site'
import { STYLES } from './styles'

/** The site's icon: a red square with three lines of text. */
export const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="6" fill="#8c1d1d"/>' +
  '<path d="M8 10h16M8 16h16M8 22h10" stroke="#fff" stroke-width="3" stroke-linecap="round"/>' +
  '</svg>'

/** The icon in the page itself, so browsers do not ask for /favicon.ico (img-src allows data:). */
export const ICON = `data:image/svg+xml,${encodeURIComponent(ICON_SVG)}`

/** A collection with feeds of its own (an author, a tag): `${basePath}/feed.xml` and `.json`. */
export interface PageFeeds {
  title: string
  basePath: string
}

interface LayoutProps {
  site: Site
  title: string
  description: string
  /** Path of the page's canonical URL; pages that are not documents (errors) leave it out. */
  canonicalPath?: string
  /** The page's own feeds, announced beside the site's. */
  feeds?: PageFeeds
  /** `wide`: listings use a wide screen's width; an article keeps its reading measure. */
  wide?: boolean
  head?: Child
  children?: Child
}

/** `<link rel="alternate">` for a feed pair: browsers and feed readers find them from any page. */
function feedLinks({ title, basePath }: PageFeeds) {
  const base = basePath === '/' ? '' : basePath
  return headTags([
    headTag('link', {
      rel: 'alternate',
      type: 'application/atom+xml',
      title,
      href: `${base}/feed.xml`,
    }),
    headTag('link', {
      rel: 'alternate',
      type: 'application/feed+json',
      title,
      href: `${base}/feed.json`,
    }),
  ])
}

/** The site's navigation: the same on every page, from the code alone (no storage read). */
function SiteHeader({ site }: { site: Site }) {
  return (
    <header class="site">
      <a class="site-name" href="/">
        {site.name}
      </a>
      <nav class="site-nav" aria-label="Site">
        <ul>
          <li>
            <a href="/">Latest</a>
          </li>
          <li>
            <a href="/archive">Archive</a>
          </li>
          <li>
            <a href="/feed.xml">Feed</a>
          </li>
        </ul>
      </nav>
      <form class="site-search" method="get" action="/search" role="search" aria-label="Site">
        <input type="search" name="q" aria-label="Search articles" placeholder="Search" />
        <button type="submit">Search</button>
      </form>
    </header>
  )
}

function SiteFooter({ site }: { site: Site }) {
  return (
    <footer class="site">
      <nav aria-label="Reader">
        <ul>
          <li>
            <a href="/">Latest articles</a>
          </li>
          <li>
            <a href="/archive">Archive by month</a>
          </li>
          <li>
            <a href="/search">Search</a>
          </li>
          <li>
            <a href="/feed.xml">Atom feed</a>
          </li>
          <li>
            <a href="/feed.json">JSON Feed</a>
          </li>
        </ul>
      </nav>
      <nav aria-label="Editors">
        <ul>
          <li>
            <a href="/upload">Upload articles</a>
          </li>
          <li>
            <a href="/docs">API docs</a>
          </li>
        </ul>
      </nav>
      <p>{site.name}</p>
    </footer>
  )
}

const FIRST_TAGS = headTags([
  headTag('meta', { charset: 'utf-8' }),
  headTag('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
])
const ICON_LINK = headTag('link', { rel: 'icon', type: 'image/svg+xml', href: ICON })

/**
 * What every page of a site shares, rendered once an isolate per site: a view renders only what
 * is its own (hono's JSX builds and walks a node per element, on every render).
 */
interface SiteChrome {
  header: HtmlEscapedString
  footer: HtmlEscapedString
  feedLinks: HtmlEscapedString
}

const chromes = new Map<string, SiteChrome>()

function chromeOf(site: Site): SiteChrome {
  // Only its name goes into them.
  let chrome = chromes.get(site.name)
  if (!chrome) {
    const once = (node: JSX.Element) => raw(String(node))
    chrome = {
      header: once(<SiteHeader site={site} />),
      footer: once(<SiteFooter site={site} />),
      feedLinks: feedLinks({ title: site.name, basePath: '/' }),
    }
    chromes.set(site.name, chrome)
  }
  return chrome
}

export function Layout(props: LayoutProps) {
  const { site, title, description, canonicalPath, feeds, wide, head, children } = props
  const chrome = chromeOf(site)
  return (
    <html lang="en">
      <head>
        {FIRST_TAGS}
        <title>{title}</title>
        {headTag('meta', { name: 'description', content: description })}
        {ICON_LINK}
        {canonicalPath !== undefined &&
          headTag('link', { rel: 'canonical', href: absoluteUrl(site, canonicalPath) })}
        {chrome.feedLinks}
        {feeds && feedLinks(feeds)}
        <style>{raw(STYLES)}</style>
        {head}
      </head>
      <body class={wide ? 'wide' : undefined}>
        <a class="skip" href="#main">
          Skip to content
        </a>
        {chrome.header}
        <main id="main">{children}</main>
        {chrome.footer}
      </body>
    </html>
  )
}

/** A page as a complete document. Views are synchronous, so the tree renders to a plain string. */
export function renderDocument(page: JSX.Element): string {
  const html: string | Promise<string> = page.toString()
  if (typeof html !== 'string') throw new Error('a view rendered asynchronously')
  return `<!doctype html>${html}`
}
