import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectBrowser, follow, h1, newPage, open, pathOf } from './browser'
import { e2e, resultsPath } from './context'
import { overflow } from './in-page'
import { SEED } from './pages'

let browser: Browser

beforeAll(async () => {
  browser = await connectBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Follows a link or button and checks where it led. */
async function step(
  page: Page,
  target: ReturnType<Page['locator']>,
  path: string,
  heading: string,
) {
  const response = await follow(page, target)
  expect(response.status(), `${path} answered`).toBe(200)
  expect(pathOf(page)).toBe(path)
  expect(await h1(page)).toBe(heading)
}

// Everything a reader does here is links and a GET form: it works the same without JavaScript.
describe.each([
  ['off', false],
  ['on', true],
])('a reader’s path with JavaScript %s', (_, javaScriptEnabled) => {
  let page: Page
  let problems: string[]

  beforeAll(async () => {
    ;({ page, problems } = await newPage(browser, { javaScriptEnabled }))
  })
  afterAll(async () => {
    await page?.context().close()
  })

  it('goes index → article → author → tag → archive → month → search → feed', async () => {
    await open(page, '/')
    const main = page.locator('main')
    await step(
      page,
      main.getByRole('link', { name: SEED.headline, exact: true }),
      SEED.path,
      SEED.headline,
    )
    await step(
      page,
      page.locator('.byline a', { hasText: 'Alex Rodriguez' }),
      '/authors/alex-rodriguez',
      'Alex Rodriguez',
    )
    await step(
      page,
      main.getByRole('link', { name: SEED.headline, exact: true }),
      SEED.path,
      SEED.headline,
    )
    await step(page, page.locator('.kicker a'), '/tags/pakistan', 'PAKISTAN')
    const nav = page.getByRole('navigation', { name: 'Site' })
    await step(page, nav.getByRole('link', { name: 'Archive' }), '/archive', 'Archive')
    await step(
      page,
      main.getByRole('link', { name: 'September 2011' }),
      '/archive/2011/09',
      'September 2011',
    )
    await main.getByRole('link', { name: SEED.headline, exact: true }).waitFor()

    const search = page.getByRole('search', { name: 'Site' })
    await search.getByRole('searchbox').fill('Haqqani')
    await step(page, search.getByRole('button', { name: 'Search' }), '/search?q=Haqqani', 'Search')
    await main.getByRole('link', { name: SEED.headline, exact: true }).waitFor()

    const feed = await page
      .getByRole('contentinfo')
      .getByRole('link', { name: 'Atom feed' })
      .getAttribute('href')
    expect(feed).toBe('/feed.xml')
    const atom = await fetch(new URL(feed!, e2e().origin))
    expect(atom.status).toBe(200)
    expect(atom.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8')
    expect(await atom.text()).toContain(SEED.headline)
    expect(problems).toEqual([])
  })

  it('finds the author’s own feeds announced on the author’s page', async () => {
    await open(page, '/authors/alex-rodriguez')
    const hrefs = await page
      .locator('link[rel="alternate"]')
      .evaluateAll((links) =>
        links.map((l) => `${l.getAttribute('type')} ${l.getAttribute('href')}`),
      )
    expect(hrefs).toEqual([
      'application/atom+xml /feed.xml',
      'application/feed+json /feed.json',
      'application/atom+xml /authors/alex-rodriguez/feed.xml',
      'application/feed+json /authors/alex-rodriguez/feed.json',
    ])
    for (const href of hrefs.slice(2).map((h) => h.split(' ')[1]!)) {
      expect((await fetch(new URL(href, e2e().origin))).status).toBe(200)
    }
  })
})

/** Every page type, as a reader sees it, on a phone and a wide screen, light and dark. */
const SHOTS = [
  ['index', '/'],
  ['article', SEED.path],
  ['author', '/authors/alex-rodriguez'],
  ['archive', '/archive'],
  ['month', '/archive/2011/09'],
  ['search', '/search?q=Haqqani'],
] as const

describe.each([375, 1280])('screenshots at %i px', (width) => {
  it.each(['light', 'dark'] as const)('in the %s scheme', async (colorScheme) => {
    const mobile = width < 600
    const { page, problems } = await newPage(browser, {
      viewport: { width, height: 900 },
      isMobile: mobile,
      hasTouch: mobile,
      colorScheme,
    })
    try {
      for (const [name, path] of SHOTS) {
        await open(page, path)
        const { scrollWidth } = await page.evaluate(overflow)
        expect(scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(width)
        await page.screenshot({
          path: resultsPath(`screens/${name}-${width}-${colorScheme}.png`),
          fullPage: true,
        })
      }
      expect(problems).toEqual([])
    } finally {
      await page.context().close()
    }
  })
})

describe('a wide screen', () => {
  it('lays listings out across it, and keeps the article to its measure', async () => {
    const { page } = await newPage(browser, { viewport: { width: 1280, height: 900 } })
    try {
      await open(page, '/')
      const listing = await page.locator('main').boundingBox()
      expect(listing!.width, 'the front page’s column').toBeGreaterThanOrEqual(1000)
      await open(page, SEED.path)
      const article = await page.locator('main').boundingBox()
      expect(article!.width, 'the article’s column').toBeLessThan(800)
    } finally {
      await page.context().close()
    }
  })
})

describe('printing', () => {
  it('leaves out the navigation, the search and the footer, and keeps the article', async () => {
    const { page } = await newPage(browser)
    try {
      await open(page, SEED.path)
      await page.emulateMedia({ media: 'print' })
      for (const selector of ['header.site', 'footer.site', '.site-search', '.skip']) {
        expect(await page.locator(selector).isVisible(), selector).toBe(false)
      }
      expect(await h1(page)).toBe(SEED.headline)
      await page.pdf({ path: resultsPath('screens/article-print.pdf') })
    } finally {
      await page.context().close()
    }
  })
})
