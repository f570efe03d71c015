import { env } from 'cloudflare:test'
import { expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { get, upload } from './helpers'
import { trademarkArticle } from './search-cjk-article'

/**
 * D1's file size (meta.size_after; D1 refuses PRAGMA page_count, workerd has no dbstat), and the bytes each search index
 * holds: its shadow tables' payload (text as UTF-8), without SQLite's page overhead.
 */
async function bytes() {
  const payload = async (index: string) =>
    (await env.DB.prepare(
      `SELECT (SELECT coalesce(sum(length(block)), 0) + 8 * count(*) FROM ${index}_data)
            + (SELECT coalesce(sum(length(CAST(c0 AS BLOB)) + length(CAST(c1 AS BLOB))
                 + length(CAST(c2 AS BLOB)) + length(CAST(c3 AS BLOB))
                 + length(CAST(c4 AS BLOB))), 0) + 8 * count(*) FROM ${index}_content)
            + (SELECT coalesce(sum(length(sz)), 0) + 8 * count(*) FROM ${index}_docsize)
            + (SELECT coalesce(sum(length(term)), 0) + 16 * count(*) FROM ${index}_idx) AS n`,
    ).first<number>('n'))!
  const size = (await env.DB.prepare('SELECT 1').run()).meta.size_after
  return {
    all: size,
    words: await payload('article_search'),
    cjk: await payload('article_search_cjk'),
  }
}

/** Copies of each article stored (a one-off measurement used 200). */
const N = 10

async function storeMany(make: (i: number) => Promise<Response>) {
  const before = await bytes()
  for (let i = 0; i < N; i++) expect((await make(i)).status).toBe(201)
  const after = await bytes()
  const per = (k: keyof typeof before) => Math.round((after[k] - before[k]) / N)
  return { all: per('all'), words: per('words'), cjk: per('cjk') }
}

/** p50 and p90 of each query's time through /api/search, ms; the queries take turns. */
async function timeQueries<K extends string>(queries: Record<K, string>, rounds = 10) {
  const times = Object.fromEntries(Object.keys(queries).map((k) => [k, [] as number[]]))
  for (let i = 0; i < rounds; i++) {
    for (const [name, q] of Object.entries<string>(queries)) {
      const start = performance.now()
      const res = await get(`/api/search?q=${encodeURIComponent(q)}&limit=10`)
      expect(res.status).toBe(200)
      await res.arrayBuffer()
      times[name]!.push(performance.now() - start)
    }
  }
  return Object.fromEntries(
    Object.entries(times).map(([name, t]) => {
      t.sort((x, y) => x - y)
      return [name, { p50: t[rounds >> 1], p90: t[Math.floor(rounds * 0.9)] }]
    }),
  )
}

it(
  'costs D1 bytes for CJK articles only, and this much query time',
  { timeout: 600_000 },
  async () => {
    const japanese = await storeMany((i) =>
      upload(
        JSON.stringify({
          ...trademarkArticle,
          title: `${trademarkArticle.title}（${i}）`,
          sourceUrl: `${trademarkArticle.sourceUrl}?copy=${i}`,
        }),
        { type: 'application/json' },
      ),
    )
    const english = await storeMany((i) =>
      upload(seed.replace('Islamabad', `Islamabad ${i}`), { type: 'text/plain; charset=utf-8' }),
    )
    const queries = await timeQueries({
      english: 'haqqani',
      cjkWord: '商標',
      cjkPhrase: '商標権侵害',
      cjkChar: '権',
      mixed: 'haqqani OR 商標',
      cjkExcluding: 'haqqani -商標',
    })
    console.log(JSON.stringify({ bytesPerArticle: { japanese, english }, queries }, null, 1))
    // An article without CJK text has no row in the CJK index. A Japanese one costs it two to four
    // times what it costs the word index: the bigram text is kept (FTS5 reads it back to delete a
    // row), at 8 bytes a character (` 東京 `) against 3.
    expect(english.cjk).toBe(0)
    expect(japanese.cjk).toBeGreaterThan(2 * japanese.words)
    expect(japanese.cjk).toBeLessThan(4 * japanese.words)
  },
)
