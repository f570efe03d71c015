import seed from '../../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import type { Expected } from './support'

export const TOKEN = 'test-token'
/** wrangler.toml [vars] MAX_UPLOAD_BYTES: one upload, after inflation. */
export const MAX_UPLOAD = 1024 * 1024
/** vitest.config.ts MAX_BULK_BYTES: one bulk or form request, after inflation. */
export const MAX_BULK = 2 * 1024 * 1024
/** vitest.config.ts MAX_IMPORT_BYTES: one import's archive, after inflation. */
export const MAX_IMPORT = 1024 * 1024

const encoder = new TextEncoder()
export const bytes = (text: string) => encoder.encode(text)

export const SEED = bytes(seed)
const LATIN1 = Uint8Array.from('CAFÉ: Crème brûlée à la carte\n\nUn paragraphe.\n', (ch) =>
  ch.charCodeAt(0),
)
const JSON_ARTICLE = bytes(
  JSON.stringify({ title: 'Café: une histoire', body: ['Un paragraphe.'] }),
)
const filled = (length: number, byte: number) => new Uint8Array(length).fill(byte)
const spaces = (length: number) => filled(length, 0x20)
const newlines = (length: number) => filled(length, 0x0a)

/** UTF-16LE with its byte order mark. */
function utf16(data: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(data)
  const out = new Uint8Array(2 + text.length * 2)
  out.set([0xff, 0xfe])
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff
    out[3 + 2 * i] = text.charCodeAt(i) >> 8
  }
  return out
}

export async function gzip(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** A body sent as a stream, so it carries no Content-Length. */
function streamOf(data: Uint8Array, chunkSize = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0
  return new ReadableStream({
    pull(controller) {
      if (offset >= data.length) return controller.close()
      controller.enqueue(data.subarray(offset, offset + chunkSize))
      offset += chunkSize
    },
  })
}

const BOUNDARY = 'http-table-boundary'
export const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`
type Part = { name: string; value: string | Uint8Array; filename?: string; type?: string }

/** A multipart/form-data body: fields, and files when a filename is given. */
export function multipart(parts: Part[]): Uint8Array {
  const chunks: Uint8Array[] = []
  for (const part of parts) {
    const file = part.filename === undefined ? '' : `; filename="${part.filename}"`
    const type = part.type ? `Content-Type: ${part.type}\r\n` : ''
    chunks.push(
      bytes(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"${file}\r\n`),
      bytes(`${type}\r\n`),
      typeof part.value === 'string' ? bytes(part.value) : part.value,
      bytes('\r\n'),
    )
  }
  chunks.push(bytes(`--${BOUNDARY}--\r\n`))
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  chunks.reduce((offset, chunk) => (all.set(chunk, offset), offset + chunk.length), 0)
  return all
}

export const SEED_FILE: Part = {
  name: 'file',
  filename: 'seed.txt',
  type: 'text/plain',
  value: SEED,
}
export const TOKEN_FIELD: Part = { name: 'token', value: TOKEN }

/** A form of exactly `total` bytes: the fields, then spaces in fields the form ignores. */
function formOfSize(fields: Part[], total: number): Uint8Array {
  const pads = 3
  const pad = (length: number): Part => ({ name: 'pad', value: spaces(length) })
  const room = total - multipart([...fields, pad(0), pad(0), pad(0)]).length
  const sizes = [0, 1, 2].map((i) => Math.floor(room / pads) + (i < room % pads ? 1 : 0))
  return multipart([...fields, ...sizes.map(pad)])
}

const escapeHtml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')

/** The form page showing an error. */
const formError = (status: number, message: string): Expected => ({
  status,
  page: `<p class="error" role="alert">${escapeHtml(message)}</p>`,
})

export type BodyCase = [
  name: string,
  headers: Record<string, string>,
  body: () => BodyInit | Promise<BodyInit>,
  expected: Expected,
]

const AT_THE_LIMIT = 'at the limit, so read, and then found to hold no article'
const gzipped = (type: string) => ({ 'Content-Type': type, 'Content-Encoding': 'gzip' })
const typed = (type: string) => ({ 'Content-Type': type })
const refused = (status: number, code: string): Expected => ({ status, code })

/** Malformed Content-Length values: every body route refuses them before reading a byte. */
const BAD_LENGTHS = ['ten', '', '-1', '+5', '1e3', '0x10', '12, 12', '1234567890123456']
const lengthCases = (type: string, body: () => Uint8Array, expected: Expected): BodyCase[] =>
  BAD_LENGTHS.map((length) => [
    `Content-Length: ${JSON.stringify(length)}`,
    { 'Content-Type': type, 'Content-Length': length },
    body,
    expected,
  ])

/** POST /api/articles, with the token. */
export const UPLOAD_CASES: BodyCase[] = [
  ['no Content-Type', {}, () => SEED, refused(415, 'unsupported_media_type')],
  ['application/pdf', typed('application/pdf'), () => SEED, refused(415, 'unsupported_media_type')],
  [
    'application/octet-stream',
    typed('application/octet-stream'),
    () => SEED,
    refused(415, 'unsupported_media_type'),
  ],
  [
    'multipart/form-data (a bulk type)',
    typed(MULTIPART),
    () => multipart([SEED_FILE]),
    refused(415, 'unsupported_media_type'),
  ],
  [
    'application/x-ndjson (a bulk type)',
    typed('application/x-ndjson'),
    () => JSON_ARTICLE,
    refused(415, 'unsupported_media_type'),
  ],
  [
    'a Content-Type that is no media type',
    typed('plain'),
    () => SEED,
    refused(415, 'unsupported_media_type'),
  ],
  // Any charset the WHATWG Encoding Standard names is decoded (tests/charsets.test.ts); a label
  // it does not name, or bytes not valid in the named one, are refused.
  [
    'text/plain; charset=klingon',
    typed('text/plain; charset=klingon'),
    () => LATIN1,
    refused(415, 'unsupported_charset'),
  ],
  [
    'text/plain; charset=utf-16 with an odd byte',
    typed('text/plain; charset=utf-16'),
    () => new Uint8Array([...utf16(SEED), 0x41]),
    refused(400, 'invalid_encoding'),
  ],
  [
    'application/json; charset=ebcdic',
    typed('application/json; charset=ebcdic'),
    () => JSON_ARTICLE,
    refused(415, 'unsupported_charset'),
  ],
  [
    'text/html; charset="Shift_JIS" that is not Shift_JIS',
    typed('text/html; charset="Shift_JIS"'),
    () => new Uint8Array([...bytes('<h1>x</h1><p>'), 0x82, 0x20, 0xff]),
    refused(400, 'invalid_encoding'),
  ],
  [
    'gzip declared charset=no-such-charset',
    gzipped('text/markdown; charset=no-such-charset'),
    () => gzip(LATIN1),
    refused(415, 'unsupported_charset'),
  ],
  [
    'invalid UTF-8 declared UTF-8',
    typed('text/plain; charset=utf-8'),
    () => new Uint8Array([0x54, 0x69, 0xff, 0xfe, 0x0a]),
    refused(400, 'invalid_encoding'),
  ],
  [
    'Content-Encoding: br',
    { 'Content-Type': 'text/plain', 'Content-Encoding': 'br' },
    () => SEED,
    refused(415, 'unsupported_encoding'),
  ],
  [
    'Content-Encoding: gzip, gzip',
    { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip, gzip' },
    async () => gzip(await gzip(SEED)),
    refused(415, 'unsupported_encoding'),
  ],
  ['gzip that is not gzip', gzipped('text/plain'), () => SEED, refused(400, 'invalid_body')],
  [
    'gzip cut off halfway',
    gzipped('text/plain'),
    async () => (await gzip(SEED)).slice(0, 1000),
    refused(400, 'invalid_body'),
  ],
  [
    'Content-Encoding: deflate on a gzip body',
    { 'Content-Type': 'text/plain', 'Content-Encoding': 'deflate' },
    () => gzip(SEED),
    refused(400, 'invalid_body'),
  ],
  [
    `gzip inflating to ${MAX_UPLOAD} bytes: ${AT_THE_LIMIT}`,
    gzipped('text/plain'),
    () => gzip(spaces(MAX_UPLOAD)),
    refused(422, 'missing_title'),
  ],
  [
    `gzip inflating to ${MAX_UPLOAD + 1} bytes`,
    gzipped('text/plain'),
    () => gzip(spaces(MAX_UPLOAD + 1)),
    refused(413, 'payload_too_large'),
  ],
  [
    'a gzip bomb: 16 MiB from 16 KiB',
    gzipped('text/plain'),
    () => gzip(spaces(16 * MAX_UPLOAD)),
    refused(413, 'payload_too_large'),
  ],
  [
    `${MAX_UPLOAD} bytes: ${AT_THE_LIMIT}`,
    typed('text/plain'),
    () => spaces(MAX_UPLOAD),
    refused(422, 'missing_title'),
  ],
  [
    `${MAX_UPLOAD + 1} bytes`,
    typed('text/plain'),
    () => spaces(MAX_UPLOAD + 1),
    refused(413, 'payload_too_large'),
  ],
  [
    `no Content-Length, ${MAX_UPLOAD} bytes streamed: ${AT_THE_LIMIT}`,
    typed('text/plain'),
    () => streamOf(spaces(MAX_UPLOAD)),
    refused(422, 'missing_title'),
  ],
  [
    `no Content-Length, ${MAX_UPLOAD + 1} bytes streamed`,
    typed('text/plain'),
    () => streamOf(spaces(MAX_UPLOAD + 1)),
    refused(413, 'payload_too_large'),
  ],
  [
    'a Content-Length over the limit, on a small body',
    { 'Content-Type': 'text/plain', 'Content-Length': String(MAX_UPLOAD + 1) },
    () => SEED,
    refused(413, 'payload_too_large'),
  ],
  ...lengthCases('text/plain', () => SEED, refused(400, 'invalid_content_length')),
  // Under the byte limit, but more than one article may hold (src/ingest/limits.ts).
  [
    'Markdown: one list of 148,000 items',
    typed('text/markdown'),
    () => bytes(`# A long list\n\n${'- x\n'.repeat(148_000)}`),
    refused(422, 'too_large'),
  ],
  [
    'Markdown: 20,001 lines',
    typed('text/markdown'),
    () => bytes(`# A long post\n${'a\n'.repeat(20_000)}`),
    refused(422, 'too_complex'),
  ],
  [
    'HTML: 50,001 tags',
    typed('text/html'),
    () => bytes(`<h1>T</h1>${'<b>'.repeat(49_999)}`),
    refused(422, 'too_complex'),
  ],
  [
    'text: 50,001 lines',
    typed('text/plain'),
    () => bytes(`TITLE: T\n${'a\n'.repeat(50_000)}`),
    refused(422, 'too_complex'),
  ],
  [
    'text: 5,001 paragraphs',
    typed('text/plain'),
    () => bytes(`LONG: A title\n\n${'Words.\n\n'.repeat(5001)}`),
    refused(422, 'too_large'),
  ],
]

const NDJSON = 'application/x-ndjson'
/** Items fail one by one: the request answers 200 with each item's error, and stores nothing. */
const itemFailed = (code: string): Expected => ({ status: 200, items: [[0, 'failed', code]] })

/** POST /api/articles/bulk, with the token. */
export const BULK_CASES: BodyCase[] = [
  ['no Content-Type', {}, () => JSON_ARTICLE, refused(415, 'unsupported_media_type')],
  ['text/plain', typed('text/plain'), () => SEED, refused(415, 'unsupported_media_type')],
  [
    'application/json',
    typed('application/json'),
    () => JSON_ARTICLE,
    refused(415, 'unsupported_media_type'),
  ],
  [
    'application/x-ndjson; charset=iso-8859-1',
    typed(`${NDJSON}; charset=iso-8859-1`),
    () => JSON_ARTICLE,
    refused(415, 'unsupported_charset'),
  ],
  [
    'application/x-ndjson; charset=utf-16',
    typed(`${NDJSON}; charset=utf-16`),
    () => utf16(JSON_ARTICLE),
    refused(415, 'unsupported_charset'),
  ],
  [
    'multipart/form-data; charset=iso-8859-1',
    typed(`${MULTIPART}; charset=iso-8859-1`),
    () => multipart([SEED_FILE]),
    refused(415, 'unsupported_charset'),
  ],
  [
    'multipart/form-data without a boundary',
    typed('multipart/form-data'),
    () => multipart([SEED_FILE]),
    refused(400, 'invalid_request'),
  ],
  ['multipart that is not multipart', typed(MULTIPART), () => SEED, refused(400, 'invalid_body')],
  ['multipart with no parts', typed(MULTIPART), () => multipart([]), refused(422, 'empty_bulk')],
  [
    'Content-Encoding: br',
    { 'Content-Type': NDJSON, 'Content-Encoding': 'br' },
    () => JSON_ARTICLE,
    refused(415, 'unsupported_encoding'),
  ],
  ['gzip that is not gzip', gzipped(NDJSON), () => JSON_ARTICLE, refused(400, 'invalid_body')],
  [
    `gzip inflating to ${MAX_BULK} bytes: ${AT_THE_LIMIT}`,
    gzipped(NDJSON),
    () => gzip(newlines(MAX_BULK)),
    refused(422, 'empty_bulk'),
  ],
  [
    `gzip inflating to ${MAX_BULK + 1} bytes`,
    gzipped(NDJSON),
    () => gzip(newlines(MAX_BULK + 1)),
    refused(413, 'payload_too_large'),
  ],
  [
    'a gzip bomb: 32 MiB from 32 KiB',
    gzipped(NDJSON),
    () => gzip(newlines(16 * MAX_BULK)),
    refused(413, 'payload_too_large'),
  ],
  [
    `${MAX_BULK} bytes: ${AT_THE_LIMIT}`,
    typed(NDJSON),
    () => newlines(MAX_BULK),
    refused(422, 'empty_bulk'),
  ],
  [
    `${MAX_BULK + 1} bytes`,
    typed(NDJSON),
    () => newlines(MAX_BULK + 1),
    refused(413, 'payload_too_large'),
  ],
  [
    `no Content-Length, ${MAX_BULK} bytes streamed: ${AT_THE_LIMIT}`,
    typed(NDJSON),
    () => streamOf(newlines(MAX_BULK)),
    refused(422, 'empty_bulk'),
  ],
  [
    `no Content-Length, ${MAX_BULK + 1} bytes streamed`,
    typed(NDJSON),
    () => streamOf(newlines(MAX_BULK + 1)),
    refused(413, 'payload_too_large'),
  ],
  [
    'a Content-Length over the limit, on a small body',
    { 'Content-Type': NDJSON, 'Content-Length': String(MAX_BULK + 1) },
    () => JSON_ARTICLE,
    refused(413, 'payload_too_large'),
  ],
  [
    `an NDJSON line of ${MAX_UPLOAD} bytes: read, and not JSON`,
    typed(NDJSON),
    () => filled(MAX_UPLOAD, 0x78),
    itemFailed('invalid_json'),
  ],
  [
    `an NDJSON line of ${MAX_UPLOAD + 1} bytes`,
    typed(NDJSON),
    () => filled(MAX_UPLOAD + 1, 0x78),
    itemFailed('payload_too_large'),
  ],
  [
    `a file of ${MAX_UPLOAD + 1} bytes`,
    typed(MULTIPART),
    () => multipart([{ ...SEED_FILE, value: spaces(MAX_UPLOAD + 1) }]),
    itemFailed('payload_too_large'),
  ],
  [
    'a .txt file declared charset=klingon',
    typed(MULTIPART),
    () => multipart([{ ...SEED_FILE, type: 'text/plain; charset=klingon', value: LATIN1 }]),
    itemFailed('unsupported_charset'),
  ],
  [
    'a file of no supported type',
    typed(MULTIPART),
    () => multipart([{ ...SEED_FILE, filename: 'seed.pdf', type: 'application/pdf' }]),
    itemFailed('unsupported_media_type'),
  ],
  ...lengthCases(NDJSON, () => JSON_ARTICLE, refused(400, 'invalid_content_length')),
]

const UNAUTHORIZED = 'The ingest token is missing or not valid.'
const UNREADABLE = 'The request body could not be read (corrupt compressed data?).'
const NOTHING = 'Choose at least one file or paste an article.'
const NOT_A_FORM =
  'The upload form posts multipart/form-data (the token and files in the form); to send an article by itself, use POST /api/articles.'
const OVER = `The upload exceeds the limit of ${MAX_BULK} bytes.`

/** The no-JavaScript form, token in the form (not in a header); it answers with the form page. */
export const FORM_CASES: BodyCase[] = [
  ['no Content-Type', {}, () => multipart([TOKEN_FIELD, SEED_FILE]), formError(415, NOT_A_FORM)],
  ['text/plain', typed('text/plain'), () => SEED, formError(415, NOT_A_FORM)],
  [
    'application/x-www-form-urlencoded',
    typed('application/x-www-form-urlencoded'),
    () => bytes(`token=${TOKEN}&text=x`),
    formError(415, NOT_A_FORM),
  ],
  [
    'a wrong token',
    typed(MULTIPART),
    () => multipart([{ ...TOKEN_FIELD, value: 'wrong' }, SEED_FILE]),
    formError(401, UNAUTHORIZED),
  ],
  [
    'the token after the file',
    typed(MULTIPART),
    () => multipart([SEED_FILE, TOKEN_FIELD]),
    formError(401, UNAUTHORIZED),
  ],
  [
    'multipart/form-data without a boundary',
    typed('multipart/form-data'),
    () => multipart([TOKEN_FIELD, SEED_FILE]),
    formError(400, 'multipart/form-data needs a boundary.'),
  ],
  ['multipart that is not multipart', typed(MULTIPART), () => SEED, formError(400, UNREADABLE)],
  [
    'Content-Encoding: br',
    { 'Content-Type': MULTIPART, 'Content-Encoding': 'br' },
    () => multipart([TOKEN_FIELD, SEED_FILE]),
    formError(415, 'Content-Encoding "br" is not supported; use gzip, deflate or none.'),
  ],
  [
    'gzip that is not gzip',
    gzipped(MULTIPART),
    () => multipart([TOKEN_FIELD, SEED_FILE]),
    formError(400, UNREADABLE),
  ],
  [
    `gzip inflating to ${MAX_BULK} bytes: ${AT_THE_LIMIT}`,
    gzipped(MULTIPART),
    () => gzip(formOfSize([TOKEN_FIELD], MAX_BULK)),
    formError(422, NOTHING),
  ],
  [
    `gzip inflating to ${MAX_BULK + 1} bytes`,
    gzipped(MULTIPART),
    () => gzip(formOfSize([TOKEN_FIELD], MAX_BULK + 1)),
    formError(413, OVER),
  ],
  [
    `${MAX_BULK} bytes: ${AT_THE_LIMIT}`,
    typed(MULTIPART),
    () => formOfSize([TOKEN_FIELD], MAX_BULK),
    formError(422, NOTHING),
  ],
  [
    `${MAX_BULK + 1} bytes`,
    typed(MULTIPART),
    () => formOfSize([TOKEN_FIELD], MAX_BULK + 1),
    formError(413, OVER),
  ],
  [
    `no Content-Length, ${MAX_BULK + 1} bytes streamed`,
    typed(MULTIPART),
    () => streamOf(formOfSize([TOKEN_FIELD], MAX_BULK + 1)),
    formError(413, OVER),
  ],
  [
    `a file of ${MAX_UPLOAD + 1} bytes: the form lists it as failed`,
    typed(MULTIPART),
    () => multipart([TOKEN_FIELD, { ...SEED_FILE, value: spaces(MAX_UPLOAD + 1) }]),
    { status: 200, page: `A file exceeds the limit of ${MAX_UPLOAD} bytes.` },
  ],
  ...lengthCases(
    MULTIPART,
    () => multipart([TOKEN_FIELD, SEED_FILE]),
    formError(400, 'Content-Length must be a whole number of bytes.'),
  ),
]

/** Sent to the write routes that read no body (re-normalize, delete): it is never read. */
export const IGNORED_BODIES: [
  string,
  Record<string, string>,
  () => BodyInit | Promise<BodyInit>,
][] = [
  ['application/pdf', typed('application/pdf'), () => SEED],
  ['text/plain; charset=iso-8859-1', typed('text/plain; charset=iso-8859-1'), () => LATIN1],
  ['Content-Encoding: br', { 'Content-Type': 'text/plain', 'Content-Encoding': 'br' }, () => SEED],
  ['a gzip bomb', gzipped('text/plain'), () => gzip(spaces(16 * MAX_UPLOAD))],
  [`${MAX_UPLOAD + 1} bytes`, typed('text/plain'), () => spaces(MAX_UPLOAD + 1)],
  ['Content-Length: ten', { 'Content-Type': 'text/plain', 'Content-Length': 'ten' }, () => SEED],
]

/**
 * Imports refused before a job exists: each is a 4xx and leaves nothing (no job, no archive in
 * R2). An import that is accepted always records its job, so none is among these.
 */
export const IMPORT_CASES: BodyCase[] = [
  ['no Content-Type', {}, () => JSON_ARTICLE, refused(415, 'unsupported_media_type')],
  ['text/plain', typed('text/plain'), () => SEED, refused(415, 'unsupported_media_type')],
  [
    'application/x-ndjson; charset=iso-8859-1',
    typed(`${NDJSON}; charset=iso-8859-1`),
    () => JSON_ARTICLE,
    refused(415, 'unsupported_charset'),
  ],
  [
    'multipart/form-data without a boundary',
    typed('multipart/form-data'),
    () => multipart([SEED_FILE]),
    refused(400, 'invalid_request'),
  ],
  ['an empty NDJSON body', typed(NDJSON), () => new Uint8Array(), refused(422, 'empty_import')],
  [
    'application/xml that is an HTML page',
    typed('application/xml'),
    () => bytes('<!doctype html><html><body><p>Not an export.</p></body></html>'),
    refused(422, 'not_an_export'),
  ],
  [
    'application/json that is one article',
    typed('application/json'),
    () => JSON_ARTICLE,
    refused(422, 'not_an_export'),
  ],
  [
    'application/json that is UTF-16',
    typed('application/json'),
    () => utf16(JSON_ARTICLE),
    refused(422, 'not_an_export'),
  ],
  [
    'Content-Encoding: br',
    { 'Content-Type': NDJSON, 'Content-Encoding': 'br' },
    () => JSON_ARTICLE,
    refused(415, 'unsupported_encoding'),
  ],
  ['gzip that is not gzip', gzipped(NDJSON), () => JSON_ARTICLE, refused(400, 'invalid_body')],
  [
    `gzip inflating to ${MAX_IMPORT + 1} bytes`,
    gzipped(NDJSON),
    () => gzip(newlines(MAX_IMPORT + 1)),
    refused(413, 'payload_too_large'),
  ],
  [
    'a gzip bomb: 16 MiB from 16 KiB',
    gzipped(NDJSON),
    () => gzip(newlines(16 * MAX_IMPORT)),
    refused(413, 'payload_too_large'),
  ],
  [
    `${MAX_IMPORT + 1} bytes`,
    typed(NDJSON),
    () => spaces(MAX_IMPORT + 1),
    refused(413, 'payload_too_large'),
  ],
  ...lengthCases(NDJSON, () => JSON_ARTICLE, refused(400, 'invalid_content_length')),
]

const KEY = { name: 'table key', scopes: ['imports'] }
const asJson = typed('application/json')

/** Key requests refused: each a 4xx that makes no key. */
export const KEY_CASES: BodyCase[] = [
  ['no Content-Type', {}, () => bytes(JSON.stringify(KEY)), refused(400, 'invalid_request')],
  [
    'text/plain',
    typed('text/plain'),
    () => bytes(JSON.stringify(KEY)),
    refused(400, 'invalid_request'),
  ],
  ['malformed JSON', asJson, () => bytes('{"name":'), refused(400, 'invalid_json')],
  ['an empty body', asJson, () => new Uint8Array(), refused(400, 'invalid_json')],
  ['a JSON array', asJson, () => bytes('[]'), refused(400, 'invalid_request')],
  [
    'an unknown scope',
    asJson,
    () => bytes(JSON.stringify({ ...KEY, scopes: ['everything'] })),
    refused(400, 'invalid_request'),
  ],
  [
    'a secret of its own choosing',
    asJson,
    () => bytes(JSON.stringify({ ...KEY, secret: 'eak_mine' })),
    refused(400, 'invalid_request'),
  ],
  [
    'an expiry in the past',
    asJson,
    () => bytes(JSON.stringify({ ...KEY, expiresAt: '2001-09-11T12:00:00Z' })),
    refused(400, 'invalid_request'),
  ],
  [
    'an expiry that is no date',
    asJson,
    () => bytes(JSON.stringify({ ...KEY, expiresAt: 'tomorrow' })),
    refused(400, 'invalid_request'),
  ],
  [
    'a name of 101 characters',
    asJson,
    () => bytes(JSON.stringify({ ...KEY, name: 'n'.repeat(101) })),
    refused(400, 'invalid_request'),
  ],
  [
    '16 KiB and a byte',
    asJson,
    () => bytes(JSON.stringify({ ...KEY, name: 'x' }).padEnd(16 * 1024 + 1, ' ')),
    refused(413, 'payload_too_large'),
  ],
]

const HOOK = { url: 'https://hooks.example.com/in', events: ['article.created'] }

/** Endpoint requests refused (to make one, or to change the sample): a 4xx that writes nothing. */
export const WEBHOOK_CASES: BodyCase[] = [
  [
    'text/plain',
    typed('text/plain'),
    () => bytes(JSON.stringify(HOOK)),
    refused(400, 'invalid_request'),
  ],
  ['malformed JSON', asJson, () => bytes('{"url":'), refused(400, 'invalid_json')],
  ['a JSON array', asJson, () => bytes('[]'), refused(400, 'invalid_request')],
  [
    'an unknown event',
    asJson,
    () => bytes(JSON.stringify({ ...HOOK, events: ['article.read'] })),
    refused(400, 'invalid_request'),
  ],
  [
    'a secret of its own choosing',
    asJson,
    () => bytes(JSON.stringify({ ...HOOK, secret: 'whsec_mine' })),
    refused(400, 'invalid_request'),
  ],
  [
    'an http URL',
    asJson,
    () => bytes(JSON.stringify({ ...HOOK, url: 'http://hooks.example.com/in' })),
    refused(400, 'invalid_url'),
  ],
  [
    'a link-local address (cloud metadata)',
    asJson,
    () => bytes(JSON.stringify({ ...HOOK, url: 'https://169.254.169.254/latest' })),
    refused(400, 'invalid_url'),
  ],
  [
    'a loopback IPv6 address',
    asJson,
    () => bytes(JSON.stringify({ ...HOOK, url: 'https://[::1]/in' })),
    refused(400, 'invalid_url'),
  ],
  [
    '16 KiB and a byte',
    asJson,
    () => bytes(JSON.stringify(HOOK).padEnd(16 * 1024 + 1, ' ')),
    refused(413, 'payload_too_large'),
  ],
]

/** PATCH /api/articles/:slug: a status change; the reference asks for what the seed is. */
export const STATUS_CASES: BodyCase[] = [
  [
    'text/plain',
    typed('text/plain'),
    () => bytes('{"status":"draft"}'),
    refused(400, 'invalid_request'),
  ],
  ['malformed JSON', asJson, () => bytes('{"status":'), refused(400, 'invalid_json')],
  ['a JSON array', asJson, () => bytes('[]'), refused(400, 'invalid_request')],
  ['nothing asked', asJson, () => bytes('{}'), refused(400, 'invalid_request')],
  ['an unknown status', asJson, () => bytes('{"status":"live"}'), refused(400, 'invalid_request')],
  ['an unknown field', asJson, () => bytes('{"state":"draft"}'), refused(400, 'invalid_request')],
  [
    'scheduled without a time',
    asJson,
    () => bytes('{"status":"scheduled"}'),
    refused(422, 'invalid_status'),
  ],
  [
    'a time that is no date',
    asJson,
    () => bytes('{"publishAt":"next tuesday"}'),
    refused(422, 'invalid_publish_at'),
  ],
  [
    '4 KiB and a byte',
    asJson,
    () => bytes(`{"status":"draft","x":"${'a'.repeat(4097 - 25)}"}`),
    refused(413, 'payload_too_large'),
  ],
]
