import { HtmlValidate, type Message } from 'html-validate'
import { describe, expect, it } from 'vitest'
import { e2e } from './context'
import { SEED } from './pages'

/**
 * html-validate's `recommended` preset, but for the three rules that only choose one spelling of
 * the same markup (hono/jsx writes `<br/>`, `<!doctype html>` and `disabled=""`).
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'void-style': 'off', 'doctype-style': 'off', 'attribute-boolean-style': 'off' },
})

/** One page of each type a reader (or an editor) can reach, with the status it answers. */
const PAGES: [string, string, number][] = [
  ['index', '/', 200],
  ['article', SEED.path, 200],
  ['author', '/authors/alex-rodriguez', 200],
  ['tag', '/tags/pakistan', 200],
  ['archive', '/archive', 200],
  ['month', '/archive/2011/09', 200],
  ['search form', '/search', 200],
  ['search results', '/search?q=Haqqani', 200],
  ['no results', '/search?q=zzyzx', 200],
  ['404', '/articles/no-such-article', 404],
  ['upload', '/upload', 200],
]

const line = (m: Message) =>
  `${m.ruleId} at ${m.line}:${m.column} ${m.selector ?? ''}: ${m.message}`

describe('html-validate (recommended)', () => {
  it.each(PAGES)('finds no error on the %s page (%s)', async (_, path, status) => {
    const res = await fetch(e2e().origin + path, { headers: { Accept: 'text/html' } })
    expect(res.status).toBe(status)
    const report = await validator.validateString(await res.text())
    const errors = report.results.flatMap((r) => r.messages).filter((m) => m.severity === 2)
    expect(errors.map(line)).toEqual([])
  })
})
