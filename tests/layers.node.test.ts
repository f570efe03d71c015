import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { expect, it } from 'vitest'

// The layers of src/, and which may import which: arrows run one way, from routes down to the
// pure code (ingest and views import only the model). index.ts wires everything and is exempt.

const src = resolve(import.meta.dirname, '../src')

/** What each layer may import besides itself (a layer is a folder of src/, or a file in it). */
const ALLOWED: Record<string, string[]> = {
  model: [],
  lib: [],
  errors: [],
  // The request's variables name the model's Principal; the model imports nothing of src.
  env: ['model'],
  settings: ['env', 'model'],
  ingest: ['model'],
  views: ['model'],
  db: ['model', 'lib', 'ingest'],
  blobs: ['model', 'lib', 'errors'],
  cache: ['model', 'lib', 'db'],
}
/** The services compose everything below them; HTTP helpers use the services; routes all. */
ALLOWED.articles = ['model', 'lib', 'errors', 'ingest', 'views', 'db', 'blobs', 'cache']
ALLOWED.imports = [...ALLOWED.articles, 'articles', 'env', 'settings']
/** API keys: a service beside articles and imports that HTTP's auth and the keys routes use. */
ALLOWED.keys = ['model', 'lib', 'errors', 'db', 'env', 'settings']
/** Webhooks: endpoints, the outbox's drain and the deliveries, beside articles and imports. */
ALLOWED.webhooks = ['model', 'lib', 'errors', 'db', 'env', 'settings']
/** Preview links: their keys and tokens, beside keys; only their routes use them. */
ALLOWED.previews = ['model', 'lib', 'errors', 'db', 'env', 'settings']
ALLOWED.http = [...ALLOWED.imports, 'imports', 'keys', 'webhooks', 'previews']
ALLOWED.routes = [...ALLOWED.http, 'http']

function* sourceFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) yield* sourceFiles(path)
    else if (/\.tsx?$/.test(entry.name)) yield path
  }
}

const layerOf = (file: string) =>
  relative(src, file)
    .split('/')[0]!
    .replace(/\.tsx?$/, '')

/** Relative imports of a file (static, type-only and dynamic), as absolute paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]!)
  return specifiers.map((specifier) => resolve(dirname(file), specifier))
}

it('keeps every import of src/ pointing down the layers', () => {
  const wrong: string[] = []
  let checked = 0
  for (const file of sourceFiles(src)) {
    const from = layerOf(file)
    if (from === 'index') continue
    const allowed = ALLOWED[from]
    if (!allowed) {
      wrong.push(`${relative(src, file)}: a layer the test does not know; add it to ALLOWED`)
      continue
    }
    for (const target of importsOf(file)) {
      checked++
      const to = layerOf(target)
      if (to !== from && !allowed.includes(to)) {
        wrong.push(`${relative(src, file)} imports ${relative(src, target)} (${from} → ${to})`)
      }
    }
  }
  expect(checked).toBeGreaterThan(300)
  expect(wrong).toEqual([])
})

it('has no module that imports a route module but index.ts', () => {
  const importers = [...sourceFiles(src)].filter(
    (file) =>
      layerOf(file) !== 'index' && importsOf(file).some((target) => layerOf(target) === 'routes'),
  )
  expect(importers.map((file) => relative(src, file))).toEqual([])
})
