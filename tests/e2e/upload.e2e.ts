import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { connectBrowser, follow, h1, newPage, open, pathOf } from './browser'
import { e2e } from './context'

const FIXTURE = resolve(import.meta.dirname, 'fixtures/branch-libraries.txt')
const SLUG = 'city-branch-libraries-add-sunday-hours'

let browser: Browser
let page: Page
let problems: string[]

// The form must work with no JavaScript at all: the pages' CSP allows none anyway.
beforeAll(async () => {
  browser = await connectBrowser()
  const opened = await newPage(browser, { javaScriptEnabled: false })
  page = opened.page
  problems = opened.problems
})
afterAll(async () => {
  await browser?.close()
})
beforeEach(() => {
  problems.length = 0
})

describe('the upload form, without JavaScript', () => {
  it('refuses a wrong token and stores nothing', async () => {
    await open(page, '/upload')
    await page.getByLabel('Ingest token').fill('not-the-token')
    await page.getByLabel(/^Files/).setInputFiles(FIXTURE)
    const response = await follow(page, page.getByRole('button', { name: 'Upload' }))
    expect(response.status()).toBe(401)
    expect(await page.getByRole('alert').innerText()).toBe(
      'The ingest token is missing or not valid.',
    )
    expect((await fetch(`${e2e().origin}/api/articles/${SLUG}`)).status).toBe(404)
  })

  it('uploads an archive-text file and links the new article', async () => {
    await open(page, '/upload')
    await page.getByLabel('Ingest token').fill(e2e().token)
    await page.getByLabel(/^Files/).setInputFiles(FIXTURE)
    const response = await follow(page, page.getByRole('button', { name: 'Upload' }))
    expect(response.status()).toBe(200)
    expect(pathOf(page)).toBe('/upload')

    const rows = page.locator('table.results tbody tr')
    expect(await rows.count()).toBe(1)
    expect(await rows.first().locator('td').allInnerTexts()).toEqual([
      'branch-libraries.txt',
      'created',
      `/articles/${SLUG}`,
    ])
    const opened = await follow(page, rows.first().getByRole('link'))
    expect(opened.status()).toBe(200)
    expect(pathOf(page)).toBe(`/articles/${SLUG}`)
    expect(await h1(page)).toBe('Branch libraries add Sunday hours')
    expect(await page.locator('.byline').innerText()).toBe('By Ana Ruiz')
    expect(problems).toEqual([])
  })
})
