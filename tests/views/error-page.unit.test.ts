import { describe, expect, it } from 'vitest'
import { renderErrorPage } from '../../src/views/error-page'
import { site } from './fixtures'

describe('error page', () => {
  it('tells a browser the page is missing and keeps it out of search results', () => {
    const html = renderErrorPage(404, 'No article at /articles/nope.', site)
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true)
    expect(html).toContain('<title>Page not found | Edge Articles</title>')
    expect(html).toContain('<meta name="robots" content="noindex"/>')
    expect(html).toContain(
      '<main id="main"><p class="kicker">Error 404</p><h1>Page not found</h1>' +
        '<p>No article at /articles/nope.</p>' +
        '<p>Search for it, or start from the latest articles or the archive.</p>' +
        '<form class="upload" method="get" action="/search" role="search" aria-label="Articles">' +
        '<label>Words or &quot;a phrase&quot;<input type="search" name="q" maxlength="200"/></label>' +
        '<button type="submit">Search</button></form>' +
        '<ul><li><a href="/">The latest articles</a></li>' +
        '<li><a href="/archive">The archive by month</a></li></ul></main>',
    )
    expect(html).not.toContain('rel="canonical"')
  })

  it('names server errors plainly', () => {
    const html = renderErrorPage(500, 'The article store did not answer.', site)
    expect(html).toContain('<h1>Something went wrong</h1>')
    expect(html).toContain('<p class="kicker">Error 500</p>')
    expect(html).toContain('<p><a href="/">Back to the latest articles</a></p></main>')
  })
})
