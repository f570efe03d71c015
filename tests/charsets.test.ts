import { describe, expect, it } from 'vitest'
import { SELF } from 'cloudflare:test'
import { auth, get, ORIGIN, upload } from './helpers'

// Old archives are rarely UTF-8. Each upload below is bytes as such an archive holds them, in
// the encoding it names (a Content-Type charset, a <meta>, a byte-order mark): the article is
// stored as text, the original byte for byte.

const hex = (text: string) => Uint8Array.from(text.split(' '), (h) => parseInt(h, 16))
/** Latin-1 text as its bytes: one byte a character, as ISO-8859-1 writes it. */
const latin1 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0))
const concat = (...parts: Uint8Array[]) => {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) all.set(p, (at += p.length) - p.length)
  return all
}
const ascii = (text: string) => new TextEncoder().encode(text)

interface Stored {
  title: string
  slug: string
  kicker: string | null
  body: { type: string; text?: string }[]
}

async function stored(bytes: Uint8Array, type: string) {
  const res = await upload(bytes, { type })
  const json = (await res.json()) as Stored & { error?: { code: string; message: string } }
  return { status: res.status, json }
}

async function original(slug: string) {
  return new Uint8Array(await (await get(`/api/articles/${slug}/source`)).arrayBuffer())
}

describe('uploads in the charset they name', () => {
  it('decodes archive text declared ISO-8859-1 and keeps its bytes', async () => {
    const bytes = latin1('CAFÉ: Crème brûlée à la carte\n\nLe café rouvre ses portes à Noël.\n')
    const { status, json } = await stored(bytes, 'text/plain; charset=ISO-8859-1')
    expect(status).toBe(201)
    expect([json.kicker, json.title]).toEqual(['CAFÉ', 'CAFÉ: Crème brûlée à la carte'])
    expect(json.body).toEqual([{ type: 'paragraph', text: 'Le café rouvre ses portes à Noël.' }])
    expect(await original(json.slug)).toEqual(bytes)
  })

  it('reads a saved page by its <meta charset="windows-1252">: smart quotes and the euro', async () => {
    const bytes = concat(
      ascii('<html><head><meta charset="windows-1252"><title>Prices rise</title></head><body>'),
      ascii('<article><h1>Prices rise</h1><p>'),
      hex('93'),
      ascii('It costs 5 '),
      hex('80'),
      ascii(' now,'),
      hex('94'),
      ascii(' the baker said of a loaf that cost less last year.</p></article></body></html>'),
    )
    const { status, json } = await stored(bytes, 'text/html')
    expect(status).toBe(201)
    expect(json.body).toEqual([
      {
        type: 'paragraph',
        text: '“It costs 5 € now,” the baker said of a loaf that cost less last year.',
      },
    ])
    expect(await original(json.slug)).toEqual(bytes)
  })

  it('reads an old page by its http-equiv Content-Type (ISO-8859-1)', async () => {
    const bytes = latin1(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Fête de la musique à Montréal</title></head><body><article><h1>Fête de la musique à Montréal</h1><p>Les élèves jouent dans la rue jusqu’à minuit.</p></article></body></html>'.replace(
        '’',
        "'",
      ),
    )
    const { status, json } = await stored(bytes, 'text/html')
    expect(status).toBe(201)
    expect(json.title).toBe('Fête de la musique à Montréal')
    expect(json.body).toEqual([
      { type: 'paragraph', text: "Les élèves jouent dans la rue jusqu'à minuit." },
    ])
  })

  it('decodes a Shift_JIS page named in its Content-Type', async () => {
    const title = hex(
      '93 8c 8b 9e 82 cc 8f 49 93 64 81 41 8c df 91 4f 31 8e 9e 82 dc 82 c5 89 84 92 b7',
    )
    const body = hex(
      '93 53 93 b9 8a 65 8e d0 82 cd 8b e0 97 6a 93 fa 82 a9 82 e7 8f 49 93 64 82 f0 89 84 92 b7 82 b7 82 e9 82 c6 94 ad 95 5c 82 b5 82 bd 81 42',
    )
    const bytes = concat(
      ascii('<html><head><title>'),
      title,
      ascii('</title></head><body><article><h1>'),
      title,
      ascii('</h1><p>'),
      body,
      ascii('</p></article></body></html>'),
    )
    const { status, json } = await stored(bytes, 'text/html; charset=Shift_JIS')
    expect(status).toBe(201)
    expect(json.title).toBe('東京の終電、午前1時まで延長')
    expect(json.body).toEqual([
      { type: 'paragraph', text: '鉄道各社は金曜日から終電を延長すると発表した。' },
    ])
  })

  it('decodes windows-1251 archive text', async () => {
    const bytes = concat(
      hex('cc ce d1 ca c2 c0 3a 20 cc e5 f2 f0 ee 20 ef f0 ee e4 eb e8 f2 20 f0 e0 e1 ee f2 f3'),
      ascii('\n\n'),
      hex(
        'd1 f2 ee eb e8 f7 ed ee e5 20 ec e5 f2 f0 ee 20 e1 f3 e4 e5 f2 20 f0 e0 e1 ee f2 e0 f2 fc 20 e4 ee 20 e4 e2 f3 f5 20 f7 e0 f1 ee e2 20 ed ee f7 e8 2e',
      ),
      ascii('\n'),
    )
    const { status, json } = await stored(bytes, 'text/plain; charset=windows-1251')
    expect(status).toBe(201)
    expect([json.kicker, json.title]).toEqual(['МОСКВА', 'МОСКВА: Метро продлит работу'])
    expect(json.body).toEqual([
      { type: 'paragraph', text: 'Столичное метро будет работать до двух часов ночи.' },
    ])
  })

  it('decodes UTF-16 by its byte-order mark', async () => {
    const text = 'HARBOR: Ferry adds a night run\n\nThe last boat leaves at 11:40 p.m.\n'
    const bytes = new Uint8Array(2 + text.length * 2)
    bytes.set([0xff, 0xfe])
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i)
    const { status, json } = await stored(bytes, 'text/plain')
    expect(status).toBe(201)
    expect(json.title).toBe('HARBOR: Ferry adds a night run')
  })
})

describe('files in a form or bulk upload', () => {
  it('reads each file in the charset its part declares, and keeps that type', async () => {
    const boundary = '----charsets-7f3a'
    const file = latin1('NOËL: Le marché ouvre\n\nLes chalets sont installés place Kléber.\n')
    const body = concat(
      ascii(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="noel.txt"\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\n`,
      ),
      file,
      ascii(`\r\n--${boundary}--\r\n`),
    )
    const res = await SELF.fetch(`${ORIGIN}/api/articles/bulk`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body,
    })
    const bulk = (await res.json()) as { items: { status: string; slug: string }[] }
    expect(bulk.items.map((i) => [i.status, i.slug])).toEqual([['created', 'noel-le-marche-ouvre']])
    const source = await get('/api/articles/noel-le-marche-ouvre/source')
    expect(source.headers.get('Content-Type')).toBe('text/plain; charset=iso-8859-1')
    expect(new Uint8Array(await source.arrayBuffer())).toEqual(file)
    const article = (await (await get('/api/articles/noel-le-marche-ouvre')).json()) as Stored
    expect(article.title).toBe('NOËL: Le marché ouvre')
  })
})

describe('what cannot be decoded', () => {
  it('refuses bytes that are not UTF-8 and name no charset, saying how to name one', async () => {
    const { status, json } = await stored(
      latin1('CAFÉ: Crème brûlée\n\nÀ la carte.\n'),
      'text/plain',
    )
    expect([status, json.error]).toEqual([
      400,
      {
        code: 'invalid_encoding',
        message:
          'body is not valid UTF-8 and names no other charset: declare it (charset= in the Content-Type, or a <meta charset> in a page)',
      },
    ])
  })

  it('refuses a charset the Encoding Standard does not name (415), naming it', async () => {
    const { status, json } = await stored(ascii('A: b\n\nc.\n'), 'text/plain; charset=klingon')
    expect([status, json.error?.code]).toEqual([415, 'unsupported_charset'])
    expect(json.error?.message).toBe(
      'charset "klingon" is not one the WHATWG Encoding Standard names; send UTF-8, or name the charset the bytes are in.',
    )
  })
})
