import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatForFile } from '../../src/articles/media-type'
import { multipartStream } from '../../src/lib/multipart'
import { ingest, jobOf, standInApi, type Seen } from './stand-in-api'

let api: Awaited<ReturnType<typeof standInApi>>['api']
let close: () => Promise<void>
beforeAll(async () => ({ api, close } = await standInApi()))
afterAll(() => close())

const requestsOf = (seen: Seen[]) => seen.map((s) => `${s.method} ${s.url}`)
const job = '/api/imports/job0000001'

// Each test starts the CLI through tsx: seconds on a loaded 2-core machine.
describe('npm run ingest with an NDJSON archive', { timeout: 30_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-ndjson-'))
  const archive = [
    { title: 'Tide tables move online', body: 'The harbor office published them.' },
    { title: 'Ferry adds a night run', body: 'The last boat leaves at 11:40 p.m.' },
    'not json at all',
    { body: 'A line without a title.' },
  ]
    .map((line) => (typeof line === 'string' ? line : JSON.stringify(line)))
    .map((line) => `${line}\n`)
    .join('')
  writeFileSync(join(dir, 'export.ndjson'), archive)

  it('streams it as a job, retries, draws the job, lists failures page by page, exits 1', async () => {
    const bytes = 209
    expect(Buffer.byteLength(archive)).toBe(bytes)
    api.seen.length = 0
    let posts = 0
    const polls = [
      jobOf({ status: 'running', bytes, read: 105, total: 1 }),
      null, // 429
      jobOf({ status: 'running', bytes, read: bytes, split: true, total: 4, done: 2, created: 2 }),
      jobOf({
        status: 'done',
        bytes,
        read: bytes,
        split: true,
        total: 4,
        done: 4,
        created: 2,
        failed: 2,
        finishedAt: '2025-03-01T10:00:03.000Z',
      }),
    ]
    api.answer = ({ method, url }) => {
      if (method === 'POST' && ++posts === 1) {
        return { status: 503, json: { error: { code: 'unavailable', message: 'R2' } } }
      }
      if (method === 'POST') return { status: 202, json: jobOf({ bytes, read: 0 }) }
      if (url === `${job}/items?status=failed&limit=100`) {
        const item = { index: 2, status: 'failed', line: 3, retryable: false }
        const error = { code: 'invalid_json', message: 'Line 3: the body is not valid JSON.' }
        return { status: 200, json: { items: [{ ...item, error }], nextCursor: 'c1' } }
      }
      if (url === `${job}/items?status=failed&limit=100&cursor=c1`) {
        const item = { index: 3, status: 'failed', line: 4, retryable: false }
        const error = { code: 'missing_title', message: 'A title is required.' }
        return { status: 200, json: { items: [{ ...item, error }], nextCursor: null } }
      }
      const next = polls.shift()
      if (next === null) {
        return {
          status: 429,
          json: { error: { code: 'rate_limited', message: 'slow down' } },
          headers: { 'Retry-After': '0' },
        }
      }
      return { status: 200, json: next }
    }

    const result = await ingest(
      api.origin,
      dir,
      'export.ndjson',
      '--token',
      'tok',
      '--poll-ms',
      '1',
    )

    expect(requestsOf(api.seen)).toEqual([
      'POST /api/imports',
      'POST /api/imports',
      `GET ${job}`,
      `GET ${job}`,
      `GET ${job}`,
      `GET ${job}`,
      `GET ${job}/items?status=failed&limit=100`,
      `GET ${job}/items?status=failed&limit=100&cursor=c1`,
    ])
    for (const post of api.seen.slice(0, 2)) {
      expect(post.headers['content-type']).toBe('application/x-ndjson')
      expect(post.headers['content-length']).toBe('209')
      expect(post.body.equals(readFileSync(join(dir, 'export.ndjson')))).toBe(true)
    }
    expect(new Set(api.seen.map((s) => s.headers.authorization))).toEqual(new Set(['Bearer tok']))
    expect(result.stderr).toBe(
      [
        'importing export.ndjson (209 B, application/x-ndjson)',
        `import job ${api.origin}${job}`,
        '[------------------------------] queued: read 0 B of 209 B, 0 items found',
        '[###############---------------] running: read 105 B of 209 B, 1 items found',
        '[###############---------------] 2/4  created 2  updated 0  unchanged 0  failed 0',
        '[##############################] 4/4  created 2  updated 0  unchanged 0  failed 2',
        '',
      ].join('\n'),
    )
    expect(result.stdout).toBe(
      [
        '',
        `  export.ndjson: done  ${api.origin}${job}`,
        '  outcome      items',
        '  ---------- -------',
        '  created          2',
        '  updated          0',
        '  unchanged        0',
        '  failed           2',
        '  total            4',
        '',
        '  failed items:',
        '  line 3: invalid_json Line 3: the body is not valid JSON.',
        '  line 4: missing_title A title is required.',
        '',
      ].join('\n'),
    )
    expect(result.status).toBe(1)
  })

  it('refuses an archive over --max-import-bytes before sending anything, with exit 2', async () => {
    api.seen.length = 0
    const result = await ingest(api.origin, dir, '.', '--max-import-bytes', '208', '--token', 'tok')
    expect(result.stderr).toBe(
      "ingest: export.ndjson is 209 bytes, over the import limit of 208 bytes (the server's MAX_IMPORT_BYTES; raise --max-import-bytes only if the server allows more)\n",
    )
    expect(result.status).toBe(2)
    expect(api.seen).toEqual([])
  })

  it('exits 1 naming the job when the job fails before reading its whole archive', async () => {
    api.seen.length = 0
    const error = { code: 'broken_archive', message: 'Line 2 is over 1 MiB.' }
    api.answer = ({ method }) =>
      method === 'POST'
        ? { status: 202, json: jobOf({ bytes: 209, read: 0 }) }
        : {
            status: 200,
            json: jobOf({
              status: 'failed',
              bytes: 209,
              read: 80,
              total: 1,
              done: 1,
              created: 1,
              error,
            }),
          }
    const result = await ingest(api.origin, dir, '.', '--token', 'tok', '--poll-ms', '1')
    expect(requestsOf(api.seen)).toEqual(['POST /api/imports', `GET ${job}`])
    expect(result.stdout).toContain(`  export.ndjson: failed  ${api.origin}${job}\n`)
    expect(result.stdout).toContain('\n  the job stopped: broken_archive Line 2 is over 1 MiB.\n')
    expect(result.status).toBe(1)
  })
})

describe('npm run ingest with 100 loose files', { timeout: 30_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-files-'))
  mkdirSync(join(dir, 'posts'))
  const files = new Map<string, string>()
  for (let n = 1; n <= 97; n++) {
    const name = `posts/${String(n).padStart(3, '0')}.md`
    files.set(
      name,
      `# Harbor notice ${n}\n\nThe ferry timetable changes on March ${(n % 28) + 1}.\n`,
    )
  }
  files.set('café.json', JSON.stringify({ title: 'Café reopens', body: 'With a new roof.' }))
  files.set('say "hi".txt', 'TITLE: Say hi\n\nTo the new harbor master.\n')
  files.set('town-hall.html', '<h1>Town hall opens late</h1><p>Until 9 p.m. on Thursdays.</p>')
  for (const [name, text] of files) writeFileSync(join(dir, name), text)

  it('packs them into one multipart import whose parts are the files, typed as the server types them', async () => {
    api.seen.length = 0
    const done = { status: 'done', split: true, total: 100, done: 100, created: 100 } as const
    api.answer = ({ method }) =>
      method === 'POST'
        ? { status: 202, json: jobOf({ format: 'multipart', bytes: 1, read: 0 }) }
        : { status: 200, json: jobOf({ ...done, format: 'multipart', bytes: 1, read: 1 }) }

    const result = await ingest(api.origin, dir, '.', '--token', 'tok', '--poll-ms', '1')

    expect(requestsOf(api.seen)).toEqual(['POST /api/imports', `GET ${job}`])
    const post = api.seen[0]!
    const contentType = post.headers['content-type'] ?? ''
    const boundary = /^multipart\/form-data; boundary=(----ingest-[0-9a-f]{24})$/.exec(contentType)
    expect(boundary).not.toBeNull()
    expect(post.headers['content-length']).toBe(String(post.body.length))
    const parts: [string, string, string, string][] = []
    const stream = new Blob([post.body]).stream()
    for await (const part of multipartStream(stream, {
      boundary: boundary![1]!,
      maxFileSize: 1e6,
    })) {
      const type = part.headers.get('Content-Type') ?? ''
      parts.push([part.name ?? '', part.filename ?? '', type, formatForFile(part.filename!, type)])
      expect(part.text).toBe(files.get(part.filename!))
    }
    expect(parts.length).toBe(100)
    expect(parts.slice(0, 2)).toEqual([
      ['file', 'café.json', 'application/json', 'json'],
      ['file', 'posts/001.md', 'text/markdown; charset=utf-8', 'markdown'],
    ])
    expect(parts.slice(97)).toEqual([
      ['file', 'posts/097.md', 'text/markdown; charset=utf-8', 'markdown'],
      ['file', 'say "hi".txt', 'text/plain; charset=utf-8', 'text'],
      ['file', 'town-hall.html', 'text/html; charset=utf-8', 'html'],
    ])
    expect(result.stderr.split('\n').slice(0, 2)).toEqual([
      `importing files 1 of 1 (100 files) (${(post.body.length / 1000).toFixed(1)} kB, multipart/form-data)`,
      `import job ${api.origin}${job}`,
    ])
    expect(result.stdout).toContain('  created        100\n')
    expect(result.status).toBe(0)
  })
})
