import { mapPool } from '../cli/pool'
import { pageTitle, type Entry } from './books'
import { FOREIGN_HOST } from './reads'
import { hit, parseJson, type World } from './world'

export interface BooksResult {
  articles: number
  acks: number
  revisions: number
  pages: number
  problems: string[]
}

/**
 * Reads back every article with an acknowledged write: it exists, its current revision is the
 * highest acknowledged one, with that one's title; its history runs 1..current with every
 * acknowledged revision in it; and its page (twice when edited: rendered, then from KV) shows it.
 */
export async function checkBooks(w: World, concurrency: number): Promise<BooksResult> {
  const result: BooksResult = { articles: 0, acks: 0, revisions: 0, pages: 0, problems: [] }
  // After every foreign-Host request, no page any reader gets may name that host.
  for (const path of [
    '/',
    '/feed.xml',
    '/feed.json',
    '/sitemap.xml',
    ...w.hot.map((s) => `/articles/${s}`),
  ]) {
    const reply = await hit(w, 'books', path, { headers: { Accept: 'text/html' } })
    if (reply?.text.includes(FOREIGN_HOST)) result.problems.push(`${path} names ${FOREIGN_HOST}`)
  }
  await mapPool([...w.books.entries], concurrency, async ([slug, entry]) => {
    result.articles++
    result.acks += entry.acks.length
    const problems = [...conflicts(entry), ...(await checkArticle(w, slug, entry, result))]
    result.problems.push(...problems.map((p) => `${slug}: ${p}`))
  })
  return result
}

/** Two different contents acknowledged as one revision: one of them was lost. */
function conflicts(entry: Entry): string[] {
  const byRevision = new Map<number, Set<string>>()
  for (const ack of entry.acks) {
    byRevision.set(ack.revision, (byRevision.get(ack.revision) ?? new Set()).add(ack.title))
  }
  return [...byRevision]
    .filter(([, titles]) => titles.size > 1)
    .map(
      ([n, titles]) =>
        `revision ${n} acknowledged for ${titles.size} contents: ${[...titles].join(' | ')}`,
    )
}

async function checkArticle(w: World, slug: string, entry: Entry, result: BooksResult) {
  const { revision, title } = entry.latest
  // The editor's view: history routes show readers only the published revisions.
  const editor = { headers: { Authorization: `Bearer ${w.token}` } }
  const json = await hit(w, 'books', `/api/articles/${slug}`, editor)
  const article =
    json?.status === 200 ? parseJson<{ revision: number; title: string }>(json.text) : null
  if (!article)
    return [`revision ${revision} acknowledged, but the article JSON answered ${json?.status}`]
  const problems: string[] = []
  if (article.revision !== revision) {
    const unanswered = entry.unanswered > 0 ? ` (${entry.unanswered} writes got no answer)` : ''
    problems.push(
      `current revision ${article.revision}, highest acknowledged ${revision}${unanswered}`,
    )
  } else if (article.title !== title) {
    problems.push(`title "${article.title}", acknowledged revision ${revision} was "${title}"`)
  }
  const items: { revision: number }[] = []
  for (let cursor: string | null = ''; cursor !== null;) {
    const query: string = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    const history = await hit(w, 'books', `/api/articles/${slug}/revisions?${query}`, editor)
    const page = parseJson<{ items: { revision: number }[]; nextCursor: string | null }>(
      history?.text ?? '',
    )
    if (history?.status !== 200 || !page)
      return [...problems, `revisions answered ${history?.status}`]
    items.push(...page.items)
    cursor = page.nextCursor
  }
  result.revisions += items.length
  const numbers = items.map((i) => i.revision)
  const expected = Array.from({ length: article.revision }, (_, i) => article.revision - i)
  if (numbers.join() !== expected.join()) {
    problems.push(`history is [${numbers.join(', ')}], not ${article.revision}..1`)
  }
  const missing = [...new Set(entry.acks.map((a) => a.revision))].filter(
    (n) => !numbers.includes(n),
  )
  if (missing.length > 0)
    problems.push(`acknowledged revisions missing from history: ${missing.join(', ')}`)
  for (let read = 0; read < (entry.edited ? 2 : 1); read++) {
    const page = await hit(w, 'books', `/articles/${slug}`, { headers: { Accept: 'text/html' } })
    result.pages++
    const shown = page?.status === 200 ? pageTitle(page.text) : null
    if (shown !== article.title) {
      problems.push(
        `page (X-Cache ${page?.headers['x-cache']}) shows "${shown}", the article is "${article.title}"`,
      )
    }
  }
  return problems
}
