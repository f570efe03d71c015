import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { follow, h1, open, pagePerFile, pathOf } from './browser'
import { e2e } from './context'

const FIXTURE = resolve(import.meta.dirname, 'fixtures/branch-libraries.txt')
const SLUG = 'city-branch-libraries-add-sunday-hours'

// The form must work with no JavaScript at all: the pages' CSP allows none anyway.
const tab = pagePerFile({ javaScriptEnabled: false })

describe('the upload form, without JavaScript', () => {
  it('refuses a wrong token and stores nothing', async () => {
    await open(tab.page, '/upload')
    await tab.page.getByLabel('Ingest token').fill('not-the-token')
    await tab.page.getByLabel(/^Files/).setInputFiles(FIXTURE)
    const response = await follow(tab.page, tab.page.getByRole('button', { name: 'Upload' }))
    expect(response.status()).toBe(401)
    expect(await tab.page.getByRole('alert').innerText()).toBe(
      'The ingest token is missing or not valid.',
    )
    expect((await fetch(`${e2e().origin}/api/articles/${SLUG}`)).status).toBe(404)
  })

  it('uploads an archive-text file and links the new article', async () => {
    await open(tab.page, '/upload')
    await tab.page.getByLabel('Ingest token').fill(e2e().token)
    await tab.page.getByLabel(/^Files/).setInputFiles(FIXTURE)
    const response = await follow(tab.page, tab.page.getByRole('button', { name: 'Upload' }))
    expect(response.status()).toBe(200)
    expect(pathOf(tab.page)).toBe('/upload')

    const rows = tab.page.locator('table.results tbody tr')
    expect(await rows.count()).toBe(1)
    expect(await rows.first().locator('td').allInnerTexts()).toEqual([
      'branch-libraries.txt',
      'created',
      `/articles/${SLUG}`,
    ])
    const opened = await follow(tab.page, rows.first().getByRole('link'))
    expect(opened.status()).toBe(200)
    expect(pathOf(tab.page)).toBe(`/articles/${SLUG}`)
    expect(await h1(tab.page)).toBe('Branch libraries add Sunday hours')
    expect(await tab.page.locator('.byline').innerText()).toBe('By Ana Ruiz')
    expect(tab.problems).toEqual([])
  })
})
