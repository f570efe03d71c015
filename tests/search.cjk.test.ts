import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { cjkIndexText } from '../src/db/cjk-text'
import { cjkSearchRow, searchRow } from '../src/db/search-index'
import migration from '../drizzle/0012_cjk_search.sql?raw'
import { auth, call, get, send, upload } from './helpers'
import { trademarkArticle } from './search-cjk-article'

interface Results {
  items: { slug: string; snippet: string; marks: [number, number][] }[]
  nextCursor: string | null
}
const search = async (q: string, extra = '') =>
  (await (await get(`/api/search?q=${encodeURIComponent(q)}${extra}`)).json()) as Results

/** Stored articles' slugs by a short name. */
const slugs: Record<string, string> = {}
const names = (r: Results) =>
  r.items.map((i) => Object.keys(slugs).find((k) => slugs[k] === i.slug))
const find = async (q: string) => names(await search(q))

async function store(name: string, article: Record<string, unknown>) {
  const res = await upload(JSON.stringify(article), { type: 'application/json' })
  expect(res.status).toBe(201)
  slugs[name] = ((await res.json()) as { slug: string }).slug
}

describe('search in Chinese, Japanese and Korean text', () => {
  it('finds a two-character word inside a sentence, headline matches first', async () => {
    await store('yamanote', {
      title: 'JR東日本、山手線の終電を繰り上げへ',
      body: [
        'JR東日本は、来年春のダイヤ改正で山手線の終電時刻を約30分繰り上げると発表した。',
        '線路の保守作業の時間を確保するためだという。',
      ],
      authors: ['佐藤健'],
      tags: ['鉄道'],
    })
    await store('nightbus', {
      title: '深夜バスの利用者が増加',
      body: ['終電を逃した乗客の間で、深夜バスの利用が広がっている。'],
    })
    await store('beijing', {
      title: '北京地铁19号线今天开通',
      body: ['北京地铁19号线今天正式开通运营，全长22公里。', '市民可以在地铁站购买车票。'],
    })
    await store('seoul', {
      title: '서울 지하철 요금 인상',
      body: ['서울시는 지하철 기본요금을 150원 올린다고 밝혔다.'],
    })
    await store('tokyo', {
      title: 'Tokyo trains will stop earlier',
      body: ['The last Yamanote line train will leave Tokyo half an hour earlier from spring.'],
    })
    expect(await find('終電')).toEqual(['yamanote', 'nightbus'])
    expect(await find('地铁')).toEqual(['beijing'])
    expect(await find('开通')).toEqual(['beijing'])
    expect(await find('지하철')).toEqual(['seoul'])
    expect(await find('요금')).toEqual(['seoul'])
    // Authors and tags are searched too.
    expect(await find('佐藤')).toEqual(['yamanote'])
    expect(await find('鉄道')).toEqual(['yamanote'])
    expect(await find('地下鉄')).toEqual([])
  })

  it('matches runs of characters and "quoted phrases" in order', async () => {
    expect(await find('山手線の終電')).toEqual(['yamanote'])
    expect(await find('"山手線の終電"')).toEqual(['yamanote'])
    expect(await find('"終電の山手線"')).toEqual([])
    expect(await find('终电')).toEqual([]) // simplified 终 is another character
    expect(await find('地铁站')).toEqual(['beijing'])
    // Two words are both required, anywhere.
    expect(await find('終電 保守')).toEqual(['yamanote'])
    expect(await find('終電、保守')).toEqual(['yamanote'])
  })

  it('finds a single character wherever it is in a run', async () => {
    expect(await find('乗')).toEqual(['nightbus'])
    expect(await find('線')).toEqual(['yamanote'])
    expect(await find('站')).toEqual(['beijing'])
  })

  it('mixes CJK terms with words, OR and exclusions over both kinds of article', async () => {
    expect(await find('終電 JR')).toEqual(['yamanote'])
    expect(await find('19 地铁')).toEqual(['beijing'])
    expect((await find('Tokyo OR 終電')).sort()).toEqual(['nightbus', 'tokyo', 'yamanote'])
    expect(await find('終電 -バス')).toEqual(['yamanote'])
    expect(await find('Tokyo -終電')).toEqual(['tokyo'])
    expect(await find('yamanote -終電')).toEqual(['tokyo'])
    expect(await find('-終電')).toEqual([])
    // English search still goes to the word index alone.
    expect(await find('tokyo')).toEqual(['tokyo'])
  })

  it('marks the matched characters in a snippet of the article text', async () => {
    const [first, second] = (await search('終電')).items
    expect(first!.snippet).toBe(
      'JR東日本は、来年春のダイヤ改正で山手線の終電時刻を約30分繰り上げると発表した。\n\n線路の保守作業の時間を確保するためだという。',
    )
    expect(first!.marks).toEqual([[21, 23]])
    expect(second!.snippet.slice(...second!.marks[0]!)).toBe('終電')
    // A term only in the headline: the headline is the snippet.
    const [titled] = (await search('増加')).items
    expect([titled!.snippet, titled!.marks]).toEqual(['深夜バスの利用者が増加', [[9, 11]]])
    const html = await (await get(`/search?q=${encodeURIComponent('地铁')}`)).text()
    expect(html).toContain('北京<mark>地铁</mark>19号线今天正式开通运营')
  })

  it('paginates over both indexes with a cursor', async () => {
    const first = await search('Tokyo OR 終電', '&limit=2')
    expect(first.items).toHaveLength(2)
    const second = await search('Tokyo OR 終電', `&limit=2&cursor=${first.nextCursor}`)
    expect(second.nextCursor).toBeNull()
    const all = [...names(first), ...names(second)]
    expect(all.sort()).toEqual(['nightbus', 'tokyo', 'yamanote'])
  })

  it('never finds a draft, and forgets an article that is unpublished or deleted', async () => {
    await store('draft', { title: '未発表の終電特集', body: ['終電の記事。'], status: 'draft' })
    expect(await find('特集')).toEqual([])
    const patch = (name: string, status: string) =>
      call(`/api/articles/${slugs[name]}`, {
        method: 'PATCH',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ status }),
      })
    expect((await patch('draft', 'published')).status).toBe(200)
    expect(await find('特集')).toEqual(['draft'])
    expect((await patch('draft', 'draft')).status).toBe(200)
    expect(await find('特集')).toEqual([])
    expect((await send('DELETE', `/api/articles/${slugs.nightbus}`, auth)).status).toBe(204)
    expect(await find('終電')).toEqual(['yamanote'])
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM article_search_cjk').first('n')
    expect(rows).toBe(3) // yamanote, beijing, seoul: no row for an English article
  })
})

describe('a real Japanese article', () => {
  it('is found by its words, phrases and characters, and by a word in its own script', async () => {
    await store('trademark', trademarkArticle)
    expect(await find('転売')).toEqual(['trademark'])
    expect(await find('脱獄')).toEqual(['trademark'])
    expect(await find('商標権侵害')).toEqual(['trademark'])
    expect(await find('"品質保証機能"')).toEqual(['trademark'])
    expect(await find('"保証品質機能"')).toEqual([])
    expect(await find('iPhone 脱獄')).toEqual(['trademark'])
    expect(await find('iphone -脱獄')).toEqual([])
    expect(await find('りんご')).toEqual(['trademark'])
    const [hit] = (await search('転売')).items
    expect(hit!.snippet).toBe(
      '…利者により正規のルートで販売された商品をそのまま転売する場合は、商標権侵害にはなりません。\n\nしかし、今回の事件のように、権利者の意思に基づくことなく、もとの商品に改造を加えて販売した場合は、…',
    )
    expect(hit!.marks.map((m) => hit!.snippet.slice(...m))).toEqual(['転売'])
  })
})

describe('the migration that indexes stored articles', () => {
  it('writes the same CJK text as the code does, for articles with CJK text only', async () => {
    const rows = [
      searchRow('a1', {
        title: '東京駅、𠮷野家 ｶﾀｶﾅ と iPhone用ケース',
        body: [
          { type: 'paragraph', text: '終電を逃した。Last train: 終電!' },
          ...trademarkArticle.body.map((text) => ({ type: 'paragraph', text })),
        ],
        authors: [{ name: '김민준', slug: 'x' }],
        tags: [],
      } as never),
      searchRow('a2', {
        title: 'An English article',
        body: [{ type: 'paragraph', text: 'Nothing to see here — “quoted”.' }],
        authors: [],
        tags: [],
      } as never),
    ]
    const db = env.DB
    await db.batch([
      db.prepare('DELETE FROM article_search'),
      db.prepare('DELETE FROM article_search_cjk'),
      ...rows.map((r) =>
        db
          .prepare('INSERT INTO article_search VALUES (?, ?, ?, ?, ?)')
          .bind(r.articleId, r.headline, r.body, r.authors, r.tags),
      ),
    ])
    await db.prepare(migration.split('--> statement-breakpoint')[1]!).run()
    const { results } = await db
      .prepare(
        'SELECT article_id AS articleId, headline, body, authors, tags FROM article_search_cjk',
      )
      .all()
    expect(results).toEqual([cjkSearchRow(rows[0]!)])
    expect(cjkSearchRow(rows[1]!)).toBeNull()
    expect(cjkIndexText('東京駅に')).toBe(' 東京  京駅  駅に  に ')
  })
})
