import { existsSync } from 'node:fs'
import {
  chromium,
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
  type Response,
} from 'playwright-core'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { e2e } from './context'

/** Debian's Chromium (CI: `apt-get install -y chromium`); never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** One Chromium for the whole run (Playwright gives it a fresh, temporary profile). */
export async function launchBrowserServer() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`)
  }
  return chromium.launchServer({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 })
}

export const connectBrowser = (): Promise<Browser> =>
  chromium.connect(e2e().wsEndpoint, { timeout: 30_000 })

/**
 * A page in a context of its own, with timeouts that fail a step well inside the test's 30 s, and
 * the list of problems it reports (see watchProblems).
 */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options)
  context.setDefaultTimeout(10_000)
  context.setDefaultNavigationTimeout(20_000)
  const page = await context.newPage()
  return { page, problems: watchProblems(page) }
}

/**
 * One page for the whole file (a new renderer costs seconds on a busy 2-core machine): connected
 * before the file's first test, its list of problems emptied before each test, closed after.
 */
export function pagePerFile(options: BrowserContextOptions = {}) {
  const file = {} as { browser: Browser; page: Page; problems: string[] }
  beforeAll(async () => {
    file.browser = await connectBrowser()
    Object.assign(file, await newPage(file.browser, options))
  })
  beforeEach(() => {
    file.problems.length = 0
  })
  afterAll(async () => {
    await file.browser?.close()
  })
  return file
}

/**
 * Everything a page reports as wrong: console errors (Chromium logs each CSP violation as one),
 * uncaught exceptions, and failed requests.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    const csp = message.text().includes('Content Security Policy')
    if (message.type() === 'error' || csp) {
      problems.push(`console.${message.type()}: ${message.text()} (${message.location().url})`)
    }
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('requestfailed', (request) =>
    problems.push(`requestfailed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
  )
  return problems
}

/** Opens a path of the service; fails unless it answers 200 with the page's CSP. */
export async function open(page: Page, path: string): Promise<Response> {
  const response = await page.goto(e2e().origin + path, { waitUntil: 'load' })
  if (!response) throw new Error(`no response for ${path}`)
  if (response.status() !== 200) throw new Error(`${path} answered ${response.status()}`)
  const csp = response.headers()['content-security-policy'] ?? ''
  if (!csp.includes("default-src 'none'")) throw new Error(`${path}: no strict CSP (${csp})`)
  return response
}

/** Clicks a link or button that navigates and returns the main-frame response it led to. */
export async function follow(page: Page, target: Locator): Promise<Response> {
  const landed = page.waitForResponse(
    (r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame(),
  )
  await target.click()
  const response = await landed
  await page.waitForLoadState('load')
  return response
}

export const pathOf = (page: Page) => {
  const url = new URL(page.url())
  return url.pathname + url.search
}

export const h1 = async (page: Page) => (await page.locator('h1').innerText()).trim()
