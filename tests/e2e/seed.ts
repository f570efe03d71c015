import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { JSON_ARTICLES } from './fixtures/articles'

const seeds = resolve(import.meta.dirname, '../../seeds')

/** Loads what the pages show through the public API, as `npm start` and users do. */
export async function seed(origin: string, token: string): Promise<void> {
  const auth = { Authorization: `Bearer ${token}` }
  for (const file of readdirSync(seeds).filter((f) => f.endsWith('.txt'))) {
    await upload(`${origin}/api/articles?publishedAt=2011-09-22`, file, {
      headers: { ...auth, 'Content-Type': 'text/plain; charset=utf-8' },
      body: readFileSync(resolve(seeds, file)),
    })
  }
  for (const article of JSON_ARTICLES) {
    await upload(`${origin}/api/articles`, article.title, {
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(article),
    })
  }
}

async function upload(url: string, what: string, init: RequestInit): Promise<void> {
  const res = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(15_000), ...init })
  if (res.status !== 201) {
    throw new Error(`seeding ${what}: expected 201, got ${res.status} ${await res.text()}`)
  }
}
