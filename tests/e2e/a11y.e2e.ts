import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AxeResults, Result } from 'axe-core'
import { afterAll, describe, expect, it } from 'vitest'
import { open, pagePerFile } from './browser'
import { resultsPath } from './context'
import { SEED } from './pages'

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)
const BACKGROUND = 'getComputedStyle(document.body).backgroundColor'

const findings: Record<string, { violations: Result[]; incomplete: Result[] }> = {}

const tab = pagePerFile()
afterAll(async () => {
  writeFileSync(resultsPath('axe.json'), `${JSON.stringify(findings, null, 2)}\n`)
})

const summary = (v: Result) =>
  `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes
    .slice(0, 3)
    .map((n) => n.target.join(' '))
    .join(', ')})`

// Each page is checked in full in the light scheme, then once more in the dark one for contrast:
// the dark scheme changes colours only.
describe('axe-core', () => {
  it.each([
    ['article', SEED.path],
    ['index', '/'],
    ['author', '/authors/alex-rodriguez'],
    ['archive', '/archive'],
    ['month', '/archive/2011/09'],
    ['search', '/search?q=Haqqani'],
    ['upload', '/upload'],
  ])('finds no violation, of any impact, on the %s page', async (name, path) => {
    await tab.page.emulateMedia({ colorScheme: 'light' })
    await open(tab.page, path)
    // Evaluated through DevTools, which the page's CSP does not govern: no bypassCSP needed.
    await tab.page.evaluate(axeSource)
    const light = await check(`${name} (light)`, {})
    const lightBackground = await tab.page.evaluate(BACKGROUND)
    await tab.page.emulateMedia({ colorScheme: 'dark' })
    expect(await tab.page.evaluate(BACKGROUND), 'the dark scheme should apply').not.toBe(
      lightBackground,
    )
    const dark = await check(`${name} (dark)`, { runOnly: ['color-contrast'] })
    expect([...light, ...dark]).toEqual([])
    expect(tab.problems, 'injecting axe must not trip the CSP').toEqual([])
  })
})

/** Runs axe on the current page; returns its violations, of any impact, and logs them. */
async function check(label: string, options: object): Promise<string[]> {
  const results = await tab.page.evaluate<AxeResults>(
    `axe.run(document, ${JSON.stringify({ ...options, resultTypes: ['violations'] })})`,
  )
  const ran = results.passes.length + results.violations.length + results.incomplete.length
  expect(ran, `${label}: axe ran no rules`).toBeGreaterThan(0)
  findings[label] = { violations: results.violations, incomplete: results.incomplete }
  console.log(
    `${label}: ${ran} rules applied, ${results.violations.length} violated, ${results.incomplete.length} to review by hand`,
  )
  for (const v of results.violations) console.log(`  violation ${summary(v)}`)
  for (const v of results.incomplete) console.log(`  review ${summary(v)}`)
  return results.violations.map(summary)
}
