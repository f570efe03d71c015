import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, expect, it } from 'vitest'
import { app } from '../src/index'
import type { Bindings } from '../src/env'

// The description as the app serves it, checked by a real linter: Redocly's recommended rules.

const run = promisify(execFile)
const redocly = resolve(import.meta.dirname, '../node_modules/.bin/redocly')
const folder = mkdtempSync(join(tmpdir(), 'openapi-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/**
 * The warnings left, each with its reason. These operations take no input at all (no parameter,
 * no body), so nothing a client sends can be wrong: there is no 4xx for them to describe.
 */
const NO_INPUT = [
  '/healthz',
  '/upload',
  '/favicon.ico',
  '/robots.txt',
  '/openapi.json',
  '/docs',
].map((path) => `operation-4xx-response #/paths/${path.replaceAll('/', '~1')}/get/responses`)

interface Lint {
  totals: { errors: number; warnings: number }
  problems: { ruleId: string; severity: string; location: { pointer: string }[] }[]
}

it('passes `redocly lint` with the recommended rules: no errors, and only the warnings explained', async () => {
  const env = { SITE_ORIGIN: 'https://news.example.org' } as Bindings
  const res = await app.request('/openapi.json', {}, env)
  expect(res.status).toBe(200)
  const file = join(folder, 'openapi.json')
  writeFileSync(file, await res.text())
  const args = ['lint', file, '--extends', 'recommended', '--format', 'json']
  // redocly exits 1 on errors; the JSON report says which either way.
  const { stdout } = await run(redocly, args, { env: { ...process.env, NO_COLOR: '1' } }).catch(
    (error: { stdout: string }) => ({ stdout: error.stdout }),
  )
  const lint = JSON.parse(stdout) as Lint
  const problems = lint.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}`)
  expect(lint.totals.errors).toBe(0)
  expect(problems.sort()).toEqual([...NO_INPUT].sort())
}, 60_000)
