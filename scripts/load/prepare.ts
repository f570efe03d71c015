import { resolve } from 'node:path'
import type { BulkOutcome } from '../../src/model/api'
import { uploadFile } from '../cli/api-client'
import { collectFiles } from '../cli/files'
import { mapPool } from '../cli/pool'
import { syntheticPost } from '../generate-articles'
import { draft, loadTitle } from './content'
import { hit, parseJson, readPage, write, type World } from './world'

const STORIES = 24
const HOT_PAGES = 50
const BULK_ITEMS = 100

/**
 * Before the clock starts: seeds/ (as `npm start` loads it), `count` generated posts in bulk, the
 * stories the load edits, and a warm-up that caches the hot pages and finds the listing pages.
 */
export async function prepare(w: World, root: string, count: number, concurrency: number) {
  for (const file of collectFiles([resolve(root, 'seeds')])) {
    const r = await uploadFile(file, { origin: w.origin, token: w.token, retries: 3 })
    if (r.status === 'failed') w.recorder.fail(`seed ${file}: ${r.error}`)
  }
  const indexes = Array.from({ length: count }, (_, i) => i + 1)
  const chunks = Array.from({ length: Math.ceil(count / BULK_ITEMS) }, (_, i) =>
    indexes.slice(i * BULK_ITEMS, (i + 1) * BULK_ITEMS),
  )
  await mapPool(chunks, 2, (chunk) => bulkUpload(w, chunk))
  await mapPool(
    Array.from({ length: STORIES }, (_, k) => k),
    concurrency,
    async (k) => {
      const label = `story ${k}`
      const sourceUrl = `https://load.example/${w.run}/story/${k}`
      const format = k % 2 === 0 ? 'json' : 'text'
      const sent = draft(format, loadTitle(w.run, `${label} version 0`, k), 900_000 + k, sourceUrl)
      const result = await write(w, 'setup', sent)
      if (result) w.stories.push({ label, slug: result.slug, sourceUrl, format })
    },
  )
  w.hot = w.generated.slice(0, HOT_PAGES).map((g) => g.slug)
  w.unread = w.generated.slice(HOT_PAGES).map((g) => g.slug)
  const listings = new Set(w.listings)
  await mapPool([...w.hot, ...w.stories.map((s) => s.slug)], concurrency, async (slug) => {
    await readPage(w, 'setup', slug)
    const reply = await hit(w, 'setup', `/api/articles/${slug}`)
    for (const path of listingPaths(parseJson(reply?.text ?? '') ?? {})) listings.add(path)
  })
  w.listings = [...listings]
  if (w.stories.length < STORIES || w.generated.length < count) {
    throw new Error(
      `setup stored ${w.generated.length}/${count} posts, ${w.stories.length}/${STORIES} stories`,
    )
  }
}

/** Generated posts as multipart files: one request (one rate-limit count) per chunk. */
async function bulkUpload(w: World, indexes: number[]): Promise<void> {
  const boundary = `load-${w.run}`
  const parts = indexes.map(
    (i) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${i}.txt"\r\n` +
      `Content-Type: text/plain; charset=utf-8\r\n\r\n${syntheticPost(i)}\r\n`,
  )
  const reply = await hit(w, 'setup', '/api/articles/bulk', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${w.token}`,
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
    },
    body: `${parts.join('')}--${boundary}--\r\n`,
  })
  const outcome = reply?.status === 200 ? parseJson<BulkOutcome>(reply.text) : null
  for (const item of outcome?.items ?? []) {
    const index = indexes[item.index]!
    if (item.status === 'failed') {
      w.recorder.fail(`bulk item ${index}.txt: ${item.error.code} ${item.error.message}`)
      continue
    }
    const title = syntheticPost(index).split('\n')[0]!
    w.books.record(item.slug, { revision: item.revision, title, status: item.status })
    w.generated.push({ index, slug: item.slug })
  }
}

interface ArticleJson {
  authors?: { slug: string }[]
  tags?: { slug: string }[]
  publishedAt?: string | null
}

function listingPaths(article: ArticleJson): string[] {
  const month = article.publishedAt?.slice(0, 7).replace('-', '/')
  return [
    ...(article.authors ?? []).map((a) => `/authors/${a.slug}`),
    ...(article.tags ?? []).map((t) => `/tags/${t.slug}`),
    ...(month ? [`/archive/${month}`] : []),
  ]
}
