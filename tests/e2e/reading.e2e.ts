import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectBrowser, newPage, open } from './browser'
import { resultsPath } from './context'
import { overflow, paragraphs, targets, type ParagraphMetrics } from './in-page'
import { SEED, TWO_AUTHORS } from './pages'
import { crowding } from './tap-targets'

const BODY_TEXT = 'article .body p'

let browser: Browser

beforeAll(async () => {
  browser = await connectBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe.each([375, 1280])('at %i px wide', (width) => {
  const mobile = width < 600
  let page: Page
  let problems: string[]
  let layout: { innerWidth: number; scrollWidth: number }
  let body: ParagraphMetrics[]

  beforeAll(async () => {
    const viewport = { width, height: 900 }
    const opened = await newPage(browser, { viewport, isMobile: mobile, hasTouch: mobile })
    page = opened.page
    problems = opened.problems
    await open(page, SEED.path)
    layout = await page.evaluate(overflow)
    body = await page.evaluate(paragraphs, BODY_TEXT)
    await page.screenshot({ path: resultsPath(`article-${width}.png`), fullPage: true })
  })
  afterAll(async () => {
    await page?.context().close()
  })

  // A phone widens the layout viewport to fit wide content, so compare with the device width.
  it('lays the article out at the device width with no sideways scrolling', () => {
    expect(Math.max(layout.innerWidth, layout.scrollWidth), 'document width').toBe(width)
    expect(problems).toEqual([])
  })

  // The other pages at the narrow width only: that is where anything would overflow.
  if (mobile) {
    it.each(['/', '/search?q=Haqqani', '/authors/alex-rodriguez', '/tags/pakistan', '/upload'])(
      'does not scroll sideways on %s either',
      async (path) => {
        const before = problems.length
        await open(page, path)
        const { scrollWidth, innerWidth } = await page.evaluate(overflow)
        const wider = `${path} is ${Math.max(scrollWidth, innerWidth)} px wide on a ${width} px screen`
        expect(Math.max(scrollWidth, innerWidth), wider).toBe(width)
        expect(problems.slice(before)).toEqual([])
      },
    )
  }

  it('sets body text at 16 px or more', () => {
    expect(body.length).toBe(12)
    for (const p of body) expect(p.fontSize).toBeGreaterThanOrEqual(16)
  })

  // A measure is an average: 45 to 75 characters is the classic range, and a phone's screen allows
  // fewer, but not under 30. Single lines run longer where short words happen to fit, so they get
  // 10% more room.
  it('keeps lines short enough to read', () => {
    // Every line but each paragraph's last, which is as short as the paragraph makes it.
    const full = body.flatMap((p) => p.lineChars.slice(0, -1)).sort((a, b) => a - b)
    const median = full[Math.floor(full.length / 2)] ?? 0
    const longest = full.at(-1) ?? 0
    const widthEm = body[0]?.widthEm ?? 0
    console.log(
      `${width} px: ${body[0]?.fontSize} px text in a ${widthEm.toFixed(1)} em column, lines of ${median} characters (median), ${longest} at most`,
    )
    expect(median, 'median characters per line').toBeLessThanOrEqual(75)
    expect(longest, 'characters on the longest line').toBeLessThanOrEqual(82)
    if (mobile) expect(median, 'median characters per line').toBeGreaterThanOrEqual(30)
    else expect(median, 'a desktop column that narrow wastes the screen').toBeGreaterThanOrEqual(45)
  })

  if (mobile) {
    it.each([SEED, TWO_AUTHORS])(
      'gives the byline links of $path room to tap',
      async ({ path }) => {
        await open(page, path)
        const all = await page.evaluate(targets, '.byline a')
        const byline = all.filter((t) => t.asked)
        expect(byline.length).toBeGreaterThan(0)
        for (const link of byline) {
          const size = `${(link.right - link.left).toFixed(0)} × ${(link.bottom - link.top).toFixed(0)} px`
          console.log(`${path}: "${link.text}" ${size}`)
          expect(crowding(link, all), `targets crowding "${link.text}" (${size})`).toEqual([])
        }
      },
    )
  }
})
