import { describe, expect, it } from 'vitest'
import { follow, h1, open, pagePerFile, pathOf } from './browser'
import { e2e } from './context'
import { SEED } from './pages'

const HEADLINE = SEED.headline

const tab = pagePerFile()

describe('every page renders under its CSP with no errors', () => {
  it.each([
    ['/', 'Latest articles'],
    [SEED.path, HEADLINE],
    ['/search?q=Haqqani', 'Search'],
    ['/authors/alex-rodriguez', 'Alex Rodriguez'],
    ['/upload', 'Upload articles'],
    ['/archive', 'Archive'],
    ['/archive/2011/09', 'September 2011'],
    ['/tags/pakistan', 'PAKISTAN'],
  ])('%s', async (path, heading) => {
    await open(tab.page, path)
    expect(await h1(tab.page)).toBe(heading)
    expect(tab.problems, 'console errors, CSP violations or failed requests').toEqual([])
  })

  it('would notice a CSP violation (the check above is not vacuous)', async () => {
    await tab.page.route(`${e2e().origin}/e2e-csp-probe`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { 'Content-Security-Policy': "default-src 'none'" },
        body: '<!doctype html><title>probe</title><p style="color: red">inline style</p>',
      }),
    )
    await tab.page.goto(`${e2e().origin}/e2e-csp-probe`)
    await expect
      .poll(() => tab.problems.join('\n'), { timeout: 5_000 })
      .toContain('Content Security Policy')
    await tab.page.unroute(`${e2e().origin}/e2e-csp-probe`)
  })

  it('gives browsers a favicon, in the page and at /favicon.ico, so they log no 404 for it', async () => {
    await open(tab.page, '/')
    expect(await tab.page.locator('link[rel~="icon"]').count()).toBe(1)
    const served = await fetch(`${e2e().origin}/favicon.ico`)
    expect(served.status).toBe(200)
    expect(served.headers.get('Content-Type')).toBe('image/svg+xml')
    expect(await served.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  })
})

describe('links', () => {
  it('lead from the index to the article, its author and its tag', async () => {
    await open(tab.page, '/')
    const toArticle = await follow(
      tab.page,
      tab.page.getByRole('link', { name: HEADLINE, exact: true }),
    )
    expect(toArticle.status()).toBe(200)
    expect(pathOf(tab.page)).toBe(SEED.path)
    expect(await h1(tab.page)).toBe(HEADLINE)

    const toAuthor = await follow(
      tab.page,
      tab.page.locator('.byline a', { hasText: 'Alex Rodriguez' }),
    )
    expect(toAuthor.status()).toBe(200)
    expect(pathOf(tab.page)).toBe('/authors/alex-rodriguez')
    expect(await h1(tab.page)).toBe('Alex Rodriguez')
    await tab.page.getByRole('link', { name: HEADLINE, exact: true }).waitFor()

    await tab.page.goBack()
    const toTag = await follow(tab.page, tab.page.locator('.kicker a'))
    expect(toTag.status()).toBe(200)
    expect(pathOf(tab.page)).toBe('/tags/pakistan')
    expect(await h1(tab.page)).toBe('PAKISTAN')
    await tab.page.getByRole('link', { name: HEADLINE, exact: true }).waitFor()
    expect(tab.problems).toEqual([])
  })
})

describe('the search form', () => {
  it('finds the seed and marks the words it matched', async () => {
    await open(tab.page, '/search')
    // The page's own form, not the one every page has in its header.
    const form = tab.page.getByRole('main').getByRole('search')
    await form.getByRole('searchbox').fill('Haqqani')
    const response = await follow(tab.page, form.getByRole('button', { name: 'Search' }))
    expect(response.status()).toBe(200)
    expect(pathOf(tab.page)).toBe('/search?q=Haqqani')
    const results = tab.page.locator('ol.articles > li')
    expect(await results.count()).toBeGreaterThanOrEqual(2)
    await results.getByRole('link', { name: HEADLINE, exact: true }).waitFor()
    const marks = await tab.page.locator('ol.articles mark').allInnerTexts()
    expect(marks.length).toBeGreaterThan(0)
    for (const mark of marks) expect(mark.toLowerCase()).toBe('haqqani')
    expect(tab.problems).toEqual([])
  })
})
