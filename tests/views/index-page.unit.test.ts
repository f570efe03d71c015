import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../src/model/article'
import { renderIndexPage } from '../../src/views/index-page'
import { pakistan, site } from './fixtures'
import { count, section } from './html'

const summary: ArticleSummary = {
  id: pakistan.id,
  slug: pakistan.slug,
  url: pakistan.url,
  title: pakistan.title,
  headline: pakistan.headline,
  kicker: pakistan.kicker,
  authors: pakistan.authors,
  summary: pakistan.summary,
  publishedAt: pakistan.publishedAt,
  updatedAt: pakistan.updatedAt,
  revision: 1,
  readingMinutes: pakistan.readingMinutes,
}

const taliban: ArticleSummary = {
  id: '01JD8Z7R2M4N5P6Q7R8S9T0V1W',
  slug: 'taliban-offshoot-blamed-for-assault-on-us-embassy-in-kabul',
  url: '/articles/taliban-offshoot-blamed-for-assault-on-us-embassy-in-kabul',
  title: 'Taliban offshoot blamed for assault on U.S. Embassy in Kabul',
  headline: 'Taliban offshoot blamed for assault on U.S. Embassy in Kabul',
  kicker: null,
  authors: [],
  summary: 'U.S. officials blamed the Haqqani network for the 19-hour siege.',
  publishedAt: null,
  updatedAt: '2025-11-29T06:31:00.000Z',
  revision: 2,
  readingMinutes: 1,
}

// Cursors are opaque base64: '+', '/' and '=' must survive the query string.
const cursor = 'eyJwIjoiMjAxMS0wOS0yMiIsImkiOiIwMUpEOFo2In0+/='

describe('index page', () => {
  const html = renderIndexPage([summary, taliban], cursor, site)

  it('lists each article with kicker, linked headline, byline, date, reading time and summary', () => {
    expect(html).toContain('<title>Edge Articles</title>')
    expect(html).toContain('<h1>Latest articles</h1>')
    const list = section(html, '<ol class="articles">', 'ol')
    expect(count(list, '<li>')).toBe(2)
    expect(list).toContain(
      '<li><article><p class="kicker">PAKISTAN</p>' +
        `<h2><a href="/articles/${pakistan.slug}">Islamabad won’t tolerate U.S. boots on the ground</a></h2>` +
        '<p class="meta">By <a href="/authors/alex-rodriguez" rel="author">Alex Rodriguez</a> · ' +
        '<time datetime="2011-09-22T00:00:00.000Z">22 September 2011</time> · 3 min read</p>' +
        `<p class="summary">${pakistan.summary}</p></article></li>`,
    )
    expect(list).toContain(
      '<li><article><h2><a href="/articles/taliban-offshoot-blamed-for-assault-on-us-embassy-in-kabul">' +
        'Taliban offshoot blamed for assault on U.S. Embassy in Kabul</a></h2>' +
        // No author, no date: the reading time alone.
        '<p class="meta">1 min read</p>' +
        '<p class="summary">U.S. officials blamed the Haqqani network for the 19-hour siege.</p>',
    )
  })

  it('links to older articles with the cursor encoded', () => {
    const href = `/?cursor=${encodeURIComponent(cursor)}`
    expect(href).toBe('/?cursor=eyJwIjoiMjAxMS0wOS0yMiIsImkiOiIwMUpEOFo2In0%2B%2F%3D')
    expect(html).toContain(
      `<nav aria-label="More articles"><a href="${href}" rel="next">Older articles →</a></nav>`,
    )
    expect(html).toContain(`<link rel="next" href="${href}"/>`)
    expect(html).toContain('<link rel="canonical" href="http://127.0.0.1:8787/"/>')
  })

  it('has no next link on the last page', () => {
    const last = renderIndexPage([summary], null, site)
    expect(last).not.toContain('Older articles')
    expect(last).not.toContain('rel="next"')
  })

  it('says plainly that there are no articles yet, with nothing meant for developers', () => {
    const empty = renderIndexPage([], null, site)
    expect(empty).toContain(
      '<main id="main"><h1>Latest articles</h1><p class="empty">No articles yet.</p></main>',
    )
    expect(empty).not.toContain('<ol')
    expect(empty).not.toContain('POST /api/articles')
  })

  it('announces an author’s feeds beside the site’s, and uses a wide screen', () => {
    const page = renderIndexPage([summary], null, site, {
      heading: 'Alex Rodriguez',
      basePath: '/authors/alex-rodriguez',
      feeds: { title: 'Alex Rodriguez | Edge Articles', basePath: '/authors/alex-rodriguez' },
    })
    expect(page).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Edge Articles" href="/feed.xml"/>' +
        '<link rel="alternate" type="application/feed+json" title="Edge Articles" href="/feed.json"/>' +
        '<link rel="alternate" type="application/atom+xml" title="Alex Rodriguez | Edge Articles" href="/authors/alex-rodriguez/feed.xml"/>' +
        '<link rel="alternate" type="application/feed+json" title="Alex Rodriguez | Edge Articles" href="/authors/alex-rodriguez/feed.json"/>',
    )
    expect(page).toContain('<body class="wide">')
  })

  it('links a month to the nearest months that have articles, and to the archive', () => {
    const page = renderIndexPage([summary], null, site, {
      heading: 'September 2011',
      basePath: '/archive/2011/09',
      months: { previous: '2011-06', next: '2012-01' },
    })
    expect(page).toContain(
      '<nav class="pager" aria-label="Other months"><a href="/archive/2011/06">← June 2011</a>' +
        '<a href="/archive">All months</a><a href="/archive/2012/01">January 2012 →</a></nav>',
    )
    const first = renderIndexPage([summary], null, site, {
      months: { previous: null, next: '2012-01' },
    })
    expect(first).toContain(
      '<nav class="pager" aria-label="Other months"><a href="/archive">All months</a>' +
        '<a href="/archive/2012/01">January 2012 →</a></nav>',
    )
  })

  it('serves other listings through heading, basePath and cursor', () => {
    const page = renderIndexPage([summary], 'next', site, {
      heading: 'Alex Rodriguez',
      basePath: '/authors/alex-rodriguez',
      cursor: 'this page',
    })
    expect(page).toContain('<title>Alex Rodriguez | Edge Articles</title>')
    expect(page).toContain('<h1>Alex Rodriguez</h1>')
    expect(page).toContain('<a href="/authors/alex-rodriguez?cursor=next" rel="next">')
    expect(page).toContain(
      '<link rel="canonical" href="http://127.0.0.1:8787/authors/alex-rodriguez?cursor=this%20page"/>',
    )
  })
})
