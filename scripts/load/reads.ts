import { hit, parseJson, pick, readPage, type World } from './world'

const QUERIES = [
  'reconstruction talks',
  'ministry',
  'council leaders',
  'water and power',
  'Baghdad',
  'dispatch',
  'load run',
  'schools clinics',
  '"unbalanced',
  'NEAR(',
  'full-text',
]

const html = { headers: { Accept: 'text/html' } }

export const cachedPage = (w: World) => readPage(w, 'GET /articles/:slug (cached)', pick(w.hot))

/** A page nobody has read: a seeded article left out of the warm-up, or one uploaded since. */
export async function firstRead(w: World): Promise<void> {
  if (w.unread.length === 0) return cachedPage(w)
  const i = Math.floor(Math.random() * w.unread.length)
  const slug = w.unread[i]!
  w.unread[i] = w.unread[w.unread.length - 1]!
  w.unread.pop()
  await readPage(w, 'GET /articles/:slug (first read)', slug)
}

export async function listingPage(w: World): Promise<void> {
  await hit(w, 'GET /, /authors, /tags, /archive', pick(w.listings), html)
}

/** The article as JSON, which must not be older than a write acknowledged before. */
export async function articleJson(w: World): Promise<void> {
  const slug = Math.random() < 0.3 ? pick(w.stories).slug : pick(w.generated).slug
  const floor = w.books.latest(slug)
  const reply = await hit(w, 'GET /api/articles/:slug', `/api/articles/${slug}`)
  if (reply?.status !== 200) return
  const revision = parseJson<{ revision?: number }>(reply.text)?.revision ?? 0
  if (revision < floor) {
    w.recorder.fail(
      `stale JSON /api/articles/${slug}: revision ${revision} after ${floor} was acknowledged`,
    )
  }
}

export async function listJson(w: World): Promise<void> {
  await hit(w, 'GET /api/articles?limit=20', '/api/articles?limit=20')
}

export async function searchJson(w: World): Promise<void> {
  await hit(w, 'GET /api/search?q=', `/api/search?q=${encodeURIComponent(pick(QUERIES))}`)
}

export async function searchPage(w: World): Promise<void> {
  await hit(w, 'GET /search?q=', `/search?q=${encodeURIComponent(pick(QUERIES))}`, html)
}

/** Not this site's origin: nothing of it may reach a page (see the check after the load). */
export const FOREIGN_HOST = 'attacker.example'

/** A page, feed or the sitemap asked for with a foreign Host, as a cache-poisoning attempt. */
export async function foreignHostRead(w: World): Promise<void> {
  const path = pick(['/', '/feed.xml', '/feed.json', '/sitemap.xml', `/articles/${pick(w.hot)}`])
  const reply = await hit(w, 'GET with a foreign Host', path, {
    headers: { Host: FOREIGN_HOST, Accept: 'text/html' },
  })
  if (reply?.text.includes(FOREIGN_HOST)) w.recorder.fail(`${path} named the foreign host`)
}

/** A search nobody made before: one-off, never worth a KV entry. */
export async function oneOffSearch(w: World): Promise<void> {
  const words = `${Math.random().toString(36).slice(2, 8)} ${pick(QUERIES)}`
  await hit(
    w,
    'GET /search?q= (one-off)',
    `/search?q=${encodeURIComponent(words)}`,
    html,
    [200, 429],
  )
}
