import { describe, expect, it } from 'vitest'
import { renderArchivePage } from '../../src/views/archive-page'
import { renderErrorPage } from '../../src/views/error-page'
import { pageTitle } from '../../src/views/format'
import { site } from './fixtures'
import { section } from './html'

const HEADER =
  '<header class="site"><a class="site-name" href="/">Edge Articles</a>' +
  '<nav class="site-nav" aria-label="Site"><ul><li><a href="/">Latest</a></li>' +
  '<li><a href="/archive">Archive</a></li><li><a href="/feed.xml">Feed</a></li></ul></nav>' +
  '<form class="site-search" method="get" action="/search" role="search" aria-label="Site">' +
  '<input type="search" name="q" aria-label="Search articles" placeholder="Search"/>' +
  '<button type="submit">Search</button></form></header>'

const FOOTER =
  '<footer class="site"><nav aria-label="Reader"><ul><li><a href="/">Latest articles</a></li>' +
  '<li><a href="/archive">Archive by month</a></li><li><a href="/search">Search</a></li>' +
  '<li><a href="/feed.xml">Atom feed</a></li><li><a href="/feed.json">JSON Feed</a></li></ul></nav>' +
  '<nav aria-label="Editors"><ul><li><a href="/upload">Upload articles</a></li>' +
  '<li><a href="/docs">API docs</a></li></ul></nav><p>Edge Articles</p></footer>'

describe('every page’s navigation', () => {
  const html = renderErrorPage(404, 'No such article.', site)

  it('names the site, searches with a plain GET form, and links the archive and the feed', () => {
    expect(section(html, '<header class="site">', 'header')).toBe(HEADER)
  })

  it('repeats the reader’s links in the footer; editors’ links are only there', () => {
    expect(section(html, '<footer class="site">', 'footer')).toBe(FOOTER)
    expect(html.indexOf('/upload')).toBe(html.indexOf(FOOTER) + FOOTER.indexOf('/upload'))
  })

  it('announces the site’s Atom and JSON feeds', () => {
    expect(html).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Edge Articles" href="/feed.xml"/>' +
        '<link rel="alternate" type="application/feed+json" title="Edge Articles" href="/feed.json"/>',
    )
  })
})

describe('archive page', () => {
  const html = renderArchivePage(
    [
      { month: '2023-05', count: 1 },
      { month: '2011-10', count: 3 },
      { month: '2011-09', count: 12 },
    ],
    site,
  )

  it('lists each month by year, newest first, with how many articles it has', () => {
    expect(section(html, '<main id="main">', 'main')).toBe(
      '<main id="main"><h1>Archive</h1>' +
        '<section aria-labelledby="year-2023"><h2 id="year-2023">2023</h2><ul class="months">' +
        '<li><a href="/archive/2023/05">May 2023</a> <span class="meta">(1 article)</span></li>' +
        '</ul></section>' +
        '<section aria-labelledby="year-2011"><h2 id="year-2011">2011</h2><ul class="months">' +
        '<li><a href="/archive/2011/10">October 2011</a> <span class="meta">(3 articles)</span></li>' +
        '<li><a href="/archive/2011/09">September 2011</a> <span class="meta">(12 articles)</span></li>' +
        '</ul></section></main>',
    )
    expect(html).toContain('<title>Archive | Edge Articles</title>')
    expect(html).toContain('<link rel="canonical" href="http://127.0.0.1:8787/archive"/>')
  })

  it('says so when there is nothing yet', () => {
    expect(renderArchivePage([], site)).toContain(
      '<h1>Archive</h1><p class="empty">No articles yet.</p>',
    )
  })
})

describe('page titles', () => {
  it('name the site when it fits in 70 characters, else stand alone, else are cut at a word', () => {
    expect(pageTitle('Alex Rodriguez', 'Edge Articles')).toBe('Alex Rodriguez | Edge Articles')
    const alone = 'PAKISTAN: Islamabad won’t tolerate U.S. boots on the ground'
    expect(pageTitle(alone, 'Edge Articles')).toBe(alone)
    const long =
      'Pakistan on Thursday rejected Washington’s allegations that it maintains links with the Haqqani network'
    expect(pageTitle(long, 'Edge Articles')).toBe(
      'Pakistan on Thursday rejected Washington’s allegations that it…',
    )
    expect(pageTitle(long, 'Edge Articles').length).toBeLessThanOrEqual(70)
  })
})
