import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { connectBrowser, follow, h1, newPage, open, pathOf } from './browser'
import { e2e } from './context'
import { SEED } from './pages'

const HEADLINE = SEED.headline

let browser: Browser
let page: Page
let problems: string[]

// One page for the file: a new renderer costs seconds on a busy 2-core machine.
beforeAll(async () => {
  browser = await connectBrowser()
  const opened = await newPage(browser)
  page = opened.page
  problems = opened.problems
})
afterAll(async () => {
  await browser?.close()
})
beforeEach(() => {
  problems.length = 0
})

describe('every page renders under its CSP with no errors', () => {
  it.each([
    ['/', 'Latest articles'],
    [SEED.path, HEADLINE],
    ['/search?q=Haqqani', 'Search'],
    ['/authors/alex-rodriguez', 'Alex Rodriguez'],
    ['/upload', 'Upload articles'],
  ])('%s', async (path, heading) => {
    await open(page, path)
    expect(await h1(page)).toBe(heading)
    expect(problems, 'console errors, CSP violations or failed requests').toEqual([])
  })

  it('would notice a CSP violation (the check above is not vacuous)', async () => {
    await page.route(`${e2e().origin}/e2e-csp-probe`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { 'Content-Security-Policy': "default-src 'none'" },
        body: '<!doctype html><title>probe</title><p style="color: red">inline style</p>',
      }),
    )
    await page.goto(`${e2e().origin}/e2e-csp-probe`)
    await expect
      .poll(() => problems.join('\n'), { timeout: 5_000 })
      .toContain('Content Security Policy')
    await page.unroute(`${e2e().origin}/e2e-csp-probe`)
  })

  it('gives browsers a favicon, in the page and at /favicon.ico, so they log no 404 for it', async () => {
    await open(page, '/')
    expect(await page.locator('link[rel~="icon"]').count()).toBe(1)
    const served = await fetch(`${e2e().origin}/favicon.ico`)
    expect(served.status).toBe(200)
    expect(served.headers.get('Content-Type')).toBe('image/svg+xml')
    expect(await served.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  })
})

describe('links', () => {
  it('lead from the index to the article, its author and its tag', async () => {
    await open(page, '/')
    const toArticle = await follow(page, page.getByRole('link', { name: HEADLINE, exact: true }))
    expect(toArticle.status()).toBe(200)
    expect(pathOf(page)).toBe(SEED.path)
    expect(await h1(page)).toBe(HEADLINE)

    const toAuthor = await follow(page, page.locator('.byline a', { hasText: 'Alex Rodriguez' }))
    expect(toAuthor.status()).toBe(200)
    expect(pathOf(page)).toBe('/authors/alex-rodriguez')
    expect(await h1(page)).toBe('Alex Rodriguez')
    await page.getByRole('link', { name: HEADLINE, exact: true }).waitFor()

    await page.goBack()
    const toTag = await follow(page, page.locator('.kicker a'))
    expect(toTag.status()).toBe(200)
    expect(pathOf(page)).toBe('/tags/pakistan')
    expect(await h1(page)).toBe('PAKISTAN')
    await page.getByRole('link', { name: HEADLINE, exact: true }).waitFor()
    expect(problems).toEqual([])
  })
})

describe('the search form', () => {
  it('finds the seed and marks the words it matched', async () => {
    await open(page, '/search')
    await page.getByRole('searchbox').fill('Haqqani')
    const response = await follow(page, page.getByRole('button', { name: 'Search' }))
    expect(response.status()).toBe(200)
    expect(pathOf(page)).toBe('/search?q=Haqqani')
    const results = page.locator('ol.articles > li')
    expect(await results.count()).toBeGreaterThanOrEqual(2)
    await results.getByRole('link', { name: HEADLINE, exact: true }).waitFor()
    const marks = await page.locator('ol.articles mark').allInnerTexts()
    expect(marks.length).toBeGreaterThan(0)
    for (const mark of marks) expect(mark.toLowerCase()).toBe('haqqani')
    expect(problems).toEqual([])
  })
})
