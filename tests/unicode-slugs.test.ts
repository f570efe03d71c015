import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { slugify } from '../src/ingest/slug'
import { auth, ORIGIN, upload } from './helpers'

// Issue 14: authors and tags in any script have readable slugs, percent-encoded in URLs; any form
// of a slug finds its page through a 301, and an install's old opaque slugs redirect once renamed.

const TOKYO = '/tags/%E6%9D%B1%E4%BA%AC'
const MEDVEDEV =
  '/authors/%D0%B4%D0%BC%D0%B8%D1%82%D1%80%D0%B8%D0%B9-%D0%BC%D0%B5%D0%B4%D0%B2%D0%B5%D0%B4%D0%B5%D0%B2'

/** Requests that answer a redirect with the redirect, not where it leads. */
const fetchOnly = (path: string, headers: Record<string, string> = {}) =>
  SELF.fetch(`${ORIGIN}${path}`, { headers, redirect: 'manual' })

interface Story {
  title: string
  authors?: string[]
  tags?: string[]
  sourceUrl?: string
}

async function store(story: Story): Promise<string> {
  const body = {
    body: 'Trains ran late across the city on Tuesday after a signal fault.',
    ...story,
  }
  const res = await upload(JSON.stringify(body), { type: 'application/json' })
  expect(res.status).toBe(201)
  return ((await res.json()) as { slug: string }).slug
}

const listed = async (path: string) =>
  ((await (await fetchOnly(`/api${path}`)).json()) as { items: { slug: string }[] }).items.map(
    (i) => i.slug,
  )

describe('names in their own script', () => {
  it('serves a Japanese tag at its percent-encoded slug, linked from the article', async () => {
    const slug = await store({
      title: 'Tokyo rail delays',
      tags: ['東京'],
      sourceUrl: 'https://example.com/tokyo-rail',
    })
    const page = await fetchOnly(TOKYO)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<h1>東京</h1>')
    expect(html).toContain(`href="/articles/${slug}"`)
    expect(html).toContain(`href="${TOKYO}/feed.xml"`)
    // Sent unencoded or in lowercase hex, it is the same URL once parsed: served, from the cache.
    for (const same of ['/tags/東京', TOKYO.toLowerCase()]) {
      const again = await fetchOnly(same)
      expect([same, again.status, again.headers.get('X-Cache')]).toEqual([same, 200, 'HIT'])
    }
    const article = await (await fetchOnly(`/articles/${slug}`)).text()
    expect(article).toContain(`href="${TOKYO}" rel="tag"`)
    const json = (await (await fetchOnly(`/api${TOKYO}`)).json()) as { tag: unknown }
    expect(json.tag).toEqual({ name: '東京', slug: '東京' })
    const feed = await fetchOnly(`${TOKYO}/feed.xml`)
    expect(feed.status).toBe(200)
    expect(await feed.text()).toContain(
      `<link rel="alternate" type="text/html" href="http://example.test${TOKYO}"/>`,
    )
  })

  it('finds a Cyrillic author by any form of the name, at one page', async () => {
    const nfc = await store({
      title: 'Medvedev speaks in Moscow',
      authors: ['Дмитрий Медведев'],
      sourceUrl: 'https://example.com/medvedev-1',
    })
    const nfd = await store({
      title: 'Medvedev speaks again',
      authors: ['ДМИТРИЙ МЕДВЕДЕВ'.normalize('NFD')],
      sourceUrl: 'https://example.com/medvedev-2',
    })
    expect((await listed(MEDVEDEV)).sort()).toEqual([nfc, nfd].sort())
    const page = await (await fetchOnly(MEDVEDEV)).text()
    expect(page).toContain('<h1>Дмитрий Медведев</h1>')
    // Capitals, and й decomposed (NFD), are other forms of the slug: 301 to it, query kept.
    for (const form of ['ДМИТРИЙ-МЕДВЕДЕВ', 'дмитрий-медведев'.normalize('NFD')]) {
      const moved = await fetchOnly(`/authors/${encodeURIComponent(form)}?cursor=`)
      expect(moved.status).toBe(301)
      expect(moved.headers.get('Location')).toBe(`${MEDVEDEV}?cursor=`)
      const api = await fetchOnly(`/api/authors/${encodeURIComponent(form)}`)
      expect(api.headers.get('Location')).toBe(`/api${MEDVEDEV}`)
      const feed = await fetchOnly(`/authors/${encodeURIComponent(form)}/feed.json`)
      expect(feed.headers.get('Location')).toBe(`${MEDVEDEV}/feed.json`)
    }
  })

  it('keeps Arabic and Hindi letters whole, with their marks', async () => {
    const arabic = await store({
      title: 'Riyadh summit',
      authors: ['مُحَمَّد بن سلمان'],
      sourceUrl: 'https://example.com/riyadh',
    })
    const hindi = await store({
      title: 'Delhi budget',
      tags: ['नरेन्द्र मोदी'],
      sourceUrl: 'https://example.com/delhi',
    })
    // Arabic vowel marks are optional: the slug goes without them, so both spellings meet.
    const bin = '/authors/%D9%85%D8%AD%D9%85%D8%AF-%D8%A8%D9%86-%D8%B3%D9%84%D9%85%D8%A7%D9%86'
    expect(await listed(bin)).toEqual([arabic])
    expect((await fetchOnly(`/authors/${encodeURIComponent('محمد-بن-سلمان')}`)).status).toBe(200)
    const modi = `/tags/${encodeURIComponent('नरेन्द्र-मोदी')}`
    expect(modi).toBe(
      '/tags/%E0%A4%A8%E0%A4%B0%E0%A5%87%E0%A4%A8%E0%A5%8D%E0%A4%A6%E0%A5%8D%E0%A4%B0-%E0%A4%AE%E0%A5%8B%E0%A4%A6%E0%A5%80',
    )
    expect(await listed(modi)).toEqual([hindi])
  })

  it('folds Greek accents: the name in capitals is the same tag', async () => {
    const lower = await store({
      title: 'Athens heat',
      tags: ['Αθήνα'],
      sourceUrl: 'https://example.com/athens-1',
    })
    const upper = await store({
      title: 'Athens fires',
      tags: ['ΑΘΗΝΑ'],
      sourceUrl: 'https://example.com/athens-2',
    })
    expect((await listed(`/tags/${encodeURIComponent('αθηνα')}`)).sort()).toEqual(
      [lower, upper].sort(),
    )
    const accented = await fetchOnly(`/tags/${encodeURIComponent('αθήνα')}`)
    expect(accented.status).toBe(301)
    expect(accented.headers.get('Location')).toBe('/tags/%CE%B1%CE%B8%CE%B7%CE%BD%CE%B1')
  })

  it('leaves Latin slugs as they were', async () => {
    await store({
      title: 'Paris strikes',
      authors: ['Hélène Dupré'],
      tags: ['Tokyo 東京'],
      sourceUrl: 'https://example.com/paris',
    })
    expect((await fetchOnly('/authors/helene-dupre')).status).toBe(200)
    expect((await fetchOnly('/tags/tokyo-%E6%9D%B1%E4%BA%AC')).status).toBe(200)
    const moved = await fetchOnly('/authors/H%C3%A9l%C3%A8ne-Dupr%C3%A9')
    expect(moved.status).toBe(301)
    expect(moved.headers.get('Location')).toBe('/authors/helene-dupre')
  })

  it('answers hostile slugs 404, never a 5xx', async () => {
    const hostile = [
      // (`..` and `%2E%2E` name no tag: URLs resolve them before any route, to `/`.)
      '%2F',
      '..%2F..%2Fetc%2Fpasswd',
      '%2E%2E%2F',
      'a%00b',
      '%0A',
      '%E0%A4%A',
      '%3Cscript%3E',
      `${'東'.repeat(300)}`,
      'a'.repeat(2000),
      '%F0%9F%8E%89',
      'tag-1pgij4%2F..',
    ]
    for (const segment of hostile) {
      for (const path of [
        `/tags/${segment}`,
        `/api/authors/${segment}`,
        `/tags/${segment}/feed.xml`,
      ]) {
        const res = await fetchOnly(path)
        expect([path, res.status]).toEqual([path, 404])
      }
    }
  })
})

/** What an install from before Unicode slugs stored: the tag's or author's opaque slug. */
async function makeOld(kind: 'tag' | 'author', name: string): Promise<string> {
  const [names, links, column, field] =
    kind === 'tag'
      ? ['tags', 'article_tags', 'tag_slug', 'tags']
      : ['authors', 'article_authors', 'author_slug', 'authors']
  const current = await env.DB.prepare(`SELECT slug FROM ${names} WHERE name = ?`)
    .bind(name)
    .first<{ slug: string }>()
  const old = slugify(name, kind)
  await env.DB.batch([
    env.DB.prepare(`INSERT INTO ${names} (slug, name) VALUES (?, ?)`).bind(old, name),
    env.DB.prepare(`UPDATE ${links} SET ${column} = ? WHERE ${column} = ?`).bind(
      old,
      current!.slug,
    ),
    env.DB.prepare(`DELETE FROM ${names} WHERE slug = ?`).bind(current!.slug),
    // The snapshot named the old slug too; the rename reads only the name from it.
    env.DB.prepare(
      `UPDATE revisions SET snapshot = replace(snapshot, ?, ?) WHERE json_extract(snapshot, '$.${field}') LIKE ?`,
    ).bind(`"slug":"${current!.slug}"`, `"slug":"${old}"`, `%${current!.slug}%`),
    env.DB.prepare('UPDATE cache_epochs SET epoch = epoch + 1'),
  ])
  return old
}

async function renameAll(limit: number) {
  const passes: { relinked: number; retired: number; next: string | null }[] = []
  let after: string | null = null
  do {
    const query = new URLSearchParams({ limit: String(limit), ...(after ? { after } : {}) })
    const res = await SELF.fetch(`${ORIGIN}/api/maintenance/slugs?${query}`, {
      method: 'POST',
      headers: auth,
    })
    expect(res.status).toBe(200)
    const pass = (await res.json()) as (typeof passes)[number]
    passes.push(pass)
    after = pass.next
  } while (after !== null)
  return {
    relinked: passes.reduce((n, p) => n + p.relinked, 0),
    retired: passes.reduce((n, p) => n + p.retired, 0),
  }
}

describe('old opaque slugs', () => {
  it('are renamed by the maintenance passes and redirect 301 to the new slug', async () => {
    const kyiv = await store({
      title: 'Kyiv power cuts',
      authors: ['Олена Петренко'],
      tags: ['Київ'],
      sourceUrl: 'https://example.com/kyiv-1',
    })
    const again = await store({
      title: 'Kyiv power returns',
      tags: ['Київ'],
      sourceUrl: 'https://example.com/kyiv-2',
    })
    const oldTag = await makeOld('tag', 'Київ')
    const oldAuthor = await makeOld('author', 'Олена Петренко')
    expect([oldTag, oldAuthor]).toEqual([
      slugify('Київ', 'tag'),
      slugify('Олена Петренко', 'author'),
    ])
    expect(oldTag).toMatch(/^tag-[0-9a-z]+$/)
    // The old install's pages, cached.
    expect((await fetchOnly(`/tags/${oldTag}`)).status).toBe(200)
    const before = await (await fetchOnly(`/articles/${kyiv}`)).text()
    expect(before).toContain(`href="/tags/${oldTag}"`)

    // Small passes, so both phases take several.
    const report = await renameAll(2)
    const kyivPath = `/tags/${encodeURIComponent('київ')}`
    const authorPath = `/authors/${encodeURIComponent('олена-петренко')}`
    expect(report.retired).toBe(2)
    expect(report.relinked).toBe(2)

    const tagMoved = await fetchOnly(`/tags/${oldTag}/feed.xml?x=1`)
    expect(tagMoved.status).toBe(301)
    expect(tagMoved.headers.get('Location')).toBe(`${kyivPath}/feed.xml?x=1`)
    expect(tagMoved.headers.get('Cache-Control')).toBe('public, max-age=86400')
    const authorMoved = await fetchOnly(`/api/authors/${oldAuthor}`)
    expect(authorMoved.headers.get('Location')).toBe(`/api${authorPath}`)
    expect((await listed(kyivPath)).sort()).toEqual([kyiv, again].sort())
    expect(await listed(authorPath)).toEqual([kyiv])
    const after = await fetchOnly(`/articles/${kyiv}`)
    expect(after.headers.get('X-Cache')).toBe('MISS')
    expect(await after.text()).toContain(`href="${kyivPath}" rel="tag"`)

    const rows = await env.DB.prepare(
      'SELECT kind, old_slug, new_slug FROM slug_redirects WHERE old_slug IN (?, ?) ORDER BY kind',
    )
      .bind(oldTag, oldAuthor)
      .all()
    expect(rows.results).toEqual([
      { kind: 'author', old_slug: oldAuthor, new_slug: 'олена-петренко' },
      { kind: 'tag', old_slug: oldTag, new_slug: 'київ' },
    ])
    // Run again: nothing left to do.
    expect(await renameAll(50)).toEqual({ relinked: 0, retired: 0 })
  })

  it('redirects an old slug that a re-upload left without articles', async () => {
    const story = {
      title: 'Minsk protests',
      tags: ['Мінск'],
      sourceUrl: 'https://example.com/minsk',
    }
    const slug = await store(story)
    const old = await makeOld('tag', 'Мінск')
    // Uploaded again after the upgrade: its link moves to the new slug, the old row stays behind.
    const res = await upload(JSON.stringify({ ...story, body: 'Crowds gathered again.' }), {
      type: 'application/json',
    })
    expect(res.status).toBe(200)
    expect((await fetchOnly(`/tags/${old}`)).status).toBe(404)
    expect(await renameAll(50)).toEqual({ relinked: 0, retired: 1 })
    const moved = await fetchOnly(`/tags/${old}`)
    expect(moved.status).toBe(301)
    expect(moved.headers.get('Location')).toBe(`/tags/${encodeURIComponent('мінск')}`)
    expect(await listed(`/tags/${encodeURIComponent('мінск')}`)).toEqual([slug])
  })

  it('moves only the articles whose name has another slug now', async () => {
    // Before, `Seoul 서울` and `Seoul` were both `seoul`: the first name stored names the row.
    const mixed = await store({
      title: 'Seoul elections',
      tags: ['Seoul 서울'],
      sourceUrl: 'https://example.com/seoul-1',
    })
    const plain = await store({
      title: 'Seoul markets',
      tags: ['Seoul'],
      sourceUrl: 'https://example.com/seoul-2',
    })
    await env.DB.batch([
      env.DB.prepare("UPDATE article_tags SET tag_slug = 'seoul' WHERE tag_slug = 'seoul-서울'"),
      env.DB.prepare("DELETE FROM tags WHERE slug = 'seoul-서울'"),
    ])
    expect(await listed('/tags/seoul')).toHaveLength(2)
    await renameAll(50)
    expect(await listed('/tags/seoul')).toEqual([plain])
    expect(await listed(`/tags/${encodeURIComponent('seoul-서울')}`)).toEqual([mixed])
    // `seoul` still has an article: it is no old slug, and redirects nowhere.
    expect((await fetchOnly('/tags/seoul')).status).toBe(200)
  })
})
