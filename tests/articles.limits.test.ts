import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { get, storageSnapshot, upload } from './helpers'

const json = { type: 'application/json' }

async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

describe('D1 limits are design inputs', () => {
  it('stores an article with 300 paragraphs and 60 authors (more than 100 bound parameters)', async () => {
    const article = {
      title: 'ARCHIVE: A very long dispatch',
      body: Array.from({ length: 300 }, (_, i) => `Paragraph number ${i + 1} of the dispatch.`),
      authors: Array.from({ length: 60 }, (_, i) => `Reporter Number${i + 1}`),
      tags: Array.from({ length: 40 }, (_, i) => `Topic ${i + 1}`),
      related: Array.from({ length: 30 }, (_, i) => ({
        title: `Earlier story ${i + 1}`,
        url: null,
      })),
    }
    const res = await upload(JSON.stringify(article), json)
    expect(res.status).toBe(201)
    const stored = (await res.json()) as {
      slug: string
      body: { text: string }[]
      authors: { slug: string }[]
    }
    expect(stored.body).toHaveLength(300)
    expect(stored.body[299]!.text).toBe('Paragraph number 300 of the dispatch.')
    expect(stored.authors).toHaveLength(60)
    expect(stored.authors[59]!.slug).toBe('reporter-number60')
    const read = (await (await get(`/api/articles/${stored.slug}`)).json()) as typeof stored & {
      tags: unknown[]
      related: unknown[]
    }
    expect(read.tags).toHaveLength(41)
    expect(read.related).toHaveLength(30)
    expect((await get(`/articles/${stored.slug}`)).status).toBe(200)
  })

  it('keeps a large upload byte for byte, in R2 under its hash, none of it in D1', async () => {
    const paragraph =
      'Ünïcödé text — with “quotes” and more words to fill the archive post. '.repeat(30)
    const text = `BIG: A large post\n\n${Array.from({ length: 400 }, () => paragraph.trim()).join('\n\n')}\n`
    const bytes = new TextEncoder().encode(text)
    expect(bytes.length).toBeGreaterThan(600 * 1024)
    expect(bytes.length).toBeLessThan(1024 * 1024)
    const res = await upload(bytes)
    expect(res.status).toBe(201)
    const { slug, source: meta } = (await res.json()) as {
      slug: string
      source: { contentHash: string }
    }
    const chunks = await env.DB.prepare('SELECT count(*) AS n FROM source_chunks').first<{
      n: number
    }>()
    expect(chunks!.n).toBe(0)
    const object = await env.ORIGINALS.get(`originals/sha256/${meta.contentHash}`)
    expect(new TextDecoder().decode(await object!.arrayBuffer())).toBe(text)
    const source = await get(`/api/articles/${slug}/source`)
    const returned = new Uint8Array(await source.arrayBuffer())
    expect(returned.length).toBe(bytes.length)
    // Compared as text: a deep equality over 600,000 array elements costs seconds.
    expect(new TextDecoder().decode(returned)).toBe(text)
  })
})

describe('slugs', () => {
  it('gives a long slug wanted by two identities -2, in a table that already has rows', async () => {
    const title = 'A headline long enough that its slug passes the fifty bytes D1 allows in LIKE'
    const urls = ['https://example.com/one', 'https://example.com/two']
    const slugs = []
    for (const sourceUrl of urls) {
      const res = await upload(JSON.stringify({ title, body: ['Text.'], sourceUrl }), json)
      expect(res.status).toBe(201)
      slugs.push(((await res.json()) as { slug: string }).slug)
    }
    const base = 'a-headline-long-enough-that-its-slug-passes-the-fifty-bytes-d1-allows-in-like'
    expect(slugs).toEqual([base, `${base}-2`])
  })
})

describe('upload size limit', () => {
  it('accepts a gzip body and stores the inflated original', async () => {
    const text = 'GZIP: Compressed upload\n\nA paragraph that travelled compressed.\n'
    const res = await upload(await gzip(text), { headers: { 'Content-Encoding': 'gzip' } })
    expect(res.status).toBe(201)
    const { slug } = (await res.json()) as { slug: string }
    expect(await (await get(`/api/articles/${slug}/source`)).text()).toBe(text)
  })

  it('refuses a gzip body that inflates past the limit, writing nothing', async () => {
    const before = await storageSnapshot()
    const bomb = await gzip(`BOMB: x\n\n${'a'.repeat(2 * 1024 * 1024)}`)
    expect(bomb.length).toBeLessThan(10_000)
    const res = await upload(bomb, { headers: { 'Content-Encoding': 'gzip' } })
    expect(res.status).toBe(413)
    expect(await storageSnapshot()).toEqual(before)
  })

  it('counts a streamed body without Content-Length against the limit', async () => {
    const chunk = new TextEncoder().encode('y'.repeat(64 * 1024))
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk)
        else controller.close()
      },
    })
    const res = await upload(body)
    expect(res.status).toBe(413)
  })

  it('accepts gzip members one after another (RFC 1952), as `cat a.gz b.gz` makes them', async () => {
    const first = await gzip('GZIP: Two members\n\nThe first half of a paragraph, ')
    const second = await gzip('and the second half.\n')
    const both = new Uint8Array([...first, ...second])
    const res = await upload(both, { headers: { 'Content-Encoding': 'gzip' } })
    expect(res.status).toBe(201)
    const { slug, body } = (await res.json()) as { slug: string; body: { text: string }[] }
    expect(body).toEqual([
      { type: 'paragraph', text: 'The first half of a paragraph, and the second half.' },
    ])
    expect(await (await get(`/api/articles/${slug}/source`)).text()).toBe(
      'GZIP: Two members\n\nThe first half of a paragraph, and the second half.\n',
    )
  })

  it('refuses gzip whose checksum or size does not match, writing nothing', async () => {
    const before = await storageSnapshot()
    const good = await gzip('GZIP: Damaged\n\nA paragraph.\n')
    const damaged = good.slice()
    damaged[good.length - 6]! ^= 0xff
    const res = await upload(damaged, { headers: { 'Content-Encoding': 'gzip' } })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      error: {
        code: 'invalid_body',
        message: 'The gzip body is damaged: a member fails its checksum.',
      },
    })
    const cut = await upload(good.slice(0, -4), { headers: { 'Content-Encoding': 'gzip' } })
    expect(cut.status).toBe(400)
    expect(await storageSnapshot()).toEqual(before)
  })

  it('refuses corrupt gzip with 400', async () => {
    const res = await upload(new Uint8Array([0x1f, 0x8b, 1, 2, 3, 4]), {
      headers: { 'Content-Encoding': 'gzip' },
    })
    expect(res.status).toBe(400)
  })
})
