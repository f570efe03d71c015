import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { JSX } from 'hono/jsx/jsx-runtime'
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

interface LayoutProps {
  site: Site
  title: string
  description: string
  /** Path of the page's canonical URL; pages that are not documents (errors) leave it out. */
  canonicalPath?: string
  head?: Child
  children?: Child
}

export function Layout({ site, title, description, canonicalPath, head, children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={description} />
        <link rel="icon" type="image/svg+xml" href={ICON} />
        {canonicalPath !== undefined && (
          <link rel="canonical" href={absoluteUrl(site, canonicalPath)} />
        )}
        <style>{raw(STYLES)}</style>
        {head}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header>
          <a class="site-name" href="/">
            {site.name}
          </a>
        </header>
        <main id="main">{children}</main>
        <footer>
          <p>{site.name}</p>
        </footer>
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
