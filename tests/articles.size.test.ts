import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { normalizeUpload } from '../src/ingest'
import { LIMITS, utf8Length } from '../src/ingest/limits'
import { auth, call, get, storageSnapshot, upload } from './helpers'

// What one article may hold is bounded so that everything stored can be read back: D1 refuses
// any value over 2,000,000 bytes, and an article is read as one row whose body is one JSON array.
// The attack that found it: a Markdown list of 148,000 short items (1,036,035 bytes, under the
// upload limit) was committed, then every read of it failed, and with it the site's feeds.

const markdown = { type: 'text/markdown; charset=utf-8' }

interface Stored {
  slug: string
  title: string
  body: { type: string; text?: string; items?: string[] }[]
}

/** An upload with a larger body limit than the tests' 1 MiB, as a deployment may configure. */
const uploadLarge = (text: string) =>
  call(
    '/api/articles',
    { method: 'POST', headers: { ...auth, 'Content-Type': markdown.type }, body: text },
    { MAX_UPLOAD_BYTES: String(4 << 20) },
  )

/** `n` characters of three-byte UTF-8 text, each kept as itself in JSON: the costliest kind. */
const wide = (n: number) => '終電の記録を読む'.repeat(Math.ceil(n / 8)).slice(0, n)

const storedBytes = (text: string) =>
  utf8Length(JSON.stringify(normalizeUpload({ format: 'markdown', text }, {})))

/**
 * A Markdown post with the most blocks (4,990 paragraphs and 10 lists), the most list items
 * (1,000 a list), in three-byte characters, exactly as large as an article may be stored, plus
 * `extra` bytes.
 */
function largestPost(extra = 0): string {
  // Another bullet character starts another list.
  const lists = Array.from({ length: 10 }, (_, i) =>
    Array.from({ length: LIMITS.bodyListItems / 10 }, () => `${'-*'[i % 2]} ${wide(10)}`),
  )
  const paragraphs = Array.from({ length: LIMITS.paragraphs - lists.length }, () => wide(64))
  const post = (last: string) =>
    `# ${wide(5)}\n\n${[...paragraphs.slice(0, -1), last, ...lists.map((l) => l.join('\n'))].join('\n\n')}\n`
  const under = post(wide(64))
  // One ASCII letter is one byte, in the text and as JSON: the last paragraph takes up the rest.
  return post(wide(64) + 'a'.repeat(LIMITS.storedBytes - storedBytes(under) + extra))
}

describe('what one article may hold', () => {
  it('refuses the 148,000-item list with 422 too_large, writing nothing', async () => {
    const list = Array.from(
      { length: 148_000 },
      (_, i) => `- x${String(i % 1000).padStart(3, '0')}`,
    )
    const text = `# A very long list\n\n${list.join('\n')}\n`
    expect(new TextEncoder().encode(text).length).toBe(1_036_020)
    const before = await storageSnapshot()
    const res = await upload(text, markdown)
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual({
      error: { code: 'too_large', message: 'body lists: at most 10000 items allowed' },
    })
    expect(await storageSnapshot()).toEqual(before)
    expect((await get('/feed.xml')).status).toBe(200)
  })

  it('stores the largest article the bounds allow, in three-byte characters, and reads it back everywhere', async () => {
    const text = largestPost()
    expect(storedBytes(text)).toBe(LIMITS.storedBytes)
    const res = await uploadLarge(text)
    expect(res.status).toBe(201)
    const { slug } = JSON.parse(res.body) as Stored
    const read = (await (await get(`/api/articles/${slug}`)).json()) as Stored
    expect(read.body).toHaveLength(LIMITS.paragraphs)
    expect(read.body.at(-11)!.text).toMatch(/^(終電の記録を読む)+a+$/)
    expect(read.body.at(-1)).toEqual({ type: 'list', ordered: false, items: expect.any(Array) })
    expect(read.body.at(-1)!.items).toHaveLength(1000)
    expect(read.body.at(-1)!.items![999]).toBe(wide(10))
    for (const path of [`/articles/${slug}`, '/feed.xml', '/feed.json', '/', '/sitemap.xml']) {
      const page = await call(path)
      expect([path, page.status]).toEqual([path, 200])
      if (path.startsWith('/feed')) expect(page.body).toContain(wide(5))
    }
  })

  it('refuses one character more with 422 too_large, writing nothing', async () => {
    const before = await storageSnapshot()
    const res = await uploadLarge(largestPost(1))
    expect(res.status).toBe(422)
    expect(JSON.parse(res.body)).toEqual({
      error: {
        code: 'too_large',
        message: `the article is ${LIMITS.storedBytes + 1} bytes as stored (normalized, as JSON); at most ${LIMITS.storedBytes} allowed`,
      },
    })
    expect(await storageSnapshot()).toEqual(before)
  })
})

describe('an article that cannot be read whole (stored before the bounds)', () => {
  it('is served from its snapshot, and never takes the feeds down', async () => {
    const small = await upload(
      JSON.stringify({ title: 'Small: A short dispatch', body: ['One paragraph.'] }),
      { type: 'application/json' },
    )
    expect(small.status).toBe(201)
    const big = await upload(
      JSON.stringify({ title: 'Big: Once stored whole', body: ['First.', 'Second.', 'Third.'] }),
      { type: 'application/json' },
    )
    expect(big.status).toBe(201)
    const { slug } = (await big.json()) as Stored
    // Blocks as an older version could store them: each row fits, their JSON array does not.
    const id = await env.DB.prepare('SELECT id FROM articles WHERE slug = ?').bind(slug).first()
    const filler = 'x'.repeat(900_000)
    await env.DB.batch([
      ...[0, 1, 2].map((position) =>
        env.DB.prepare('UPDATE blocks SET text = ? WHERE article_id = ? AND position = ?').bind(
          filler,
          id!.id,
          position,
        ),
      ),
      env.DB.prepare('UPDATE cache_epochs SET epoch = epoch + 1'),
    ])

    const page = await get(`/articles/${slug}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<p>Second.</p>')
    const json = (await (await get(`/api/articles/${slug}`)).json()) as Stored
    expect(json.body.map((b) => b.text)).toEqual(['First.', 'Second.', 'Third.'])
    for (const path of ['/feed.xml', '/feed.json']) {
      const feed = await get(path)
      expect(feed.status).toBe(200)
      const body = await feed.text()
      expect(body).toContain('Small: A short dispatch')
      expect(body).toContain('Big: Once stored whole')
    }
  })
})
