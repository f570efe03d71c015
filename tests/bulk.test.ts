import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { auth, ORIGIN, storageSnapshot } from './helpers'

interface BulkResponse {
  items: {
    index: number
    status: string
    slug?: string
    revision?: number
    error?: { code: string; message: string }
  }[]
  summary: Record<string, number>
  stopped?: { code: string }
}

const bulk = (body: BodyInit, type: string, headers: Record<string, string> = auth) =>
  SELF.fetch(`${ORIGIN}/api/articles/bulk`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': type },
    body,
  })

const article = (i: number) =>
  JSON.stringify({
    title: `Bulk story ${i}`,
    body: [`Paragraph of bulk story ${i}.`],
    authors: ['Ana Ruiz'],
  })

describe('NDJSON bulk uploads', () => {
  it('stores each good line, reports each bad one, in order', async () => {
    const lines = [
      article(1),
      '{"title": "broken',
      article(2),
      '{"title":"No body","body":[]}',
      '',
      article(3),
    ]
    const res = await bulk(lines.join('\n') + '\n', 'application/x-ndjson')
    expect(res.status).toBe(200)
    const body = (await res.json()) as BulkResponse
    expect(body.items.map((i) => [i.index, i.status, i.slug ?? i.error?.code])).toEqual([
      [0, 'created', 'bulk-story-1'],
      [1, 'failed', 'invalid_json'],
      [2, 'created', 'bulk-story-2'],
      [3, 'failed', 'empty_body'],
      [4, 'created', 'bulk-story-3'],
    ])
    expect(body.summary).toEqual({ total: 5, created: 3, updated: 0, unchanged: 0, failed: 2 })
    const stored = await env.DB.prepare('SELECT count(*) AS n FROM articles').first<{ n: number }>()
    expect(stored!.n).toBe(3)
  })

  it('is idempotent: the same lines again change nothing', async () => {
    const before = await storageSnapshot()
    const res = await bulk(
      [article(1), article(2), article(3)].join('\r\n'),
      'application/x-ndjson',
    )
    const body = (await res.json()) as BulkResponse
    expect(body.summary).toEqual({ total: 3, created: 0, updated: 0, unchanged: 3, failed: 0 })
    expect(await storageSnapshot()).toEqual(before)
  })

  it('accepts a gzip body', async () => {
    const stream = new Blob([`${article(4)}\n${article(5)}\n`])
      .stream()
      .pipeThrough(new CompressionStream('gzip'))
    const res = await bulk(await new Response(stream).arrayBuffer(), 'application/x-ndjson', {
      ...auth,
      'Content-Encoding': 'gzip',
    })
    expect(((await res.json()) as BulkResponse).summary.created).toBe(2)
  })

  it('fails items past the per-request limit, and only those', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => article(100 + i))
    const body = (await (
      await bulk(lines.join('\n'), 'application/x-ndjson')
    ).json()) as BulkResponse
    expect(body.summary).toEqual({ total: 30, created: 25, updated: 0, unchanged: 0, failed: 5 })
    expect(body.items[25]!.error!.code).toBe('too_many_items')
    expect(body.items[24]!.status).toBe('created')
  })

  it('fails a line over the per-upload limit and keeps going', async () => {
    const long = JSON.stringify({ title: 'Too long', body: ['x'.repeat(1024 * 1024 + 10)] })
    const body = (await (
      await bulk(`${long}\n${article(200)}\n`, 'application/x-ndjson')
    ).json()) as BulkResponse
    expect(body.items.map((i) => i.status)).toEqual(['failed', 'created'])
    expect(body.items[0]!.error!.code).toBe('payload_too_large')
  })

  it('refuses a body over the bulk byte limit before writing anything', async () => {
    const before = await storageSnapshot()
    const res = await bulk('x'.repeat(2 * 1024 * 1024 + 1), 'application/x-ndjson')
    expect(res.status).toBe(413)
    expect(await storageSnapshot()).toEqual(before)
  })
})

describe('multipart bulk uploads', () => {
  it('takes files of every supported type, typed by extension', async () => {
    const form = new FormData()
    form.append('files', new File([seed], 'pakistan.txt', { type: 'text/plain' }))
    form.append(
      'files',
      new File([article(300)], 'story.json', { type: 'application/octet-stream' }),
    )
    form.append('files', new File(['%PDF-1.4'], 'scan.pdf', { type: 'application/pdf' }))
    form.append('note', 'not a file: ignored')
    const res = await SELF.fetch(`${ORIGIN}/api/articles/bulk`, {
      method: 'POST',
      headers: auth,
      body: form,
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as BulkResponse
    expect(body.items.map((i) => [i.status, i.slug ?? i.error?.code])).toEqual([
      ['created', 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'],
      ['created', 'bulk-story-300'],
      ['failed', 'unsupported_media_type'],
    ])
    const source = await SELF.fetch(`${ORIGIN}/api/articles/bulk-story-300/source`)
    expect(source.headers.get('Content-Type')).toBe('application/json')
  })
})

describe('bulk request errors', () => {
  it('needs the token', async () => {
    expect((await bulk(article(1), 'application/x-ndjson', {})).status).toBe(401)
  })
  it('refuses other content types with 415', async () => {
    expect((await bulk(article(1), 'application/json')).status).toBe(415)
  })
  it('refuses an empty body with 422', async () => {
    const res = await bulk('\n\n', 'application/x-ndjson')
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('empty_bulk')
  })
})

describe('names a client chooses never find what objects inherit', () => {
  it('refuses a file named x.constructor as a type it cannot read', async () => {
    const body = new FormData()
    body.append('file', new File(['x'], 'x.constructor'))
    body.append('file', new File(['y'], 'y.__proto__'))
    const res = await SELF.fetch(`${ORIGIN}/api/articles/bulk`, {
      method: 'POST',
      headers: auth,
      body,
    })
    const { items } = (await res.json()) as BulkResponse
    expect(items.map((i) => [i.status, i.error?.code, i.error?.message])).toEqual([
      [
        'failed',
        'unsupported_media_type',
        '"x.constructor" has no supported type; use .txt, .json, .html, .htm, .md, .markdown.',
      ],
      [
        'failed',
        'unsupported_media_type',
        '"y.__proto__" has no supported type; use .txt, .json, .html, .htm, .md, .markdown.',
      ],
    ])
  })

  it('refuses a Content-Type of "constructor" with the types it takes', async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/articles`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'constructor' },
      body: 'x',
    })
    expect(res.status).toBe(415)
    expect(await res.json()).toEqual({
      error: {
        code: 'unsupported_media_type',
        message:
          'Content-Type "constructor" is not accepted; send text/plain or application/json or text/html or application/xhtml+xml or text/markdown or text/x-markdown.',
      },
    })
  })
})
