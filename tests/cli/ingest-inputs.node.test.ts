import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { classify, SNIFF_BYTES } from '../../scripts/cli/archives'
import { collectFiles } from '../../scripts/cli/files'
import { itemPlace, jobProgress } from '../../scripts/cli/job-report'
import { packBody, planPacks } from '../../scripts/cli/pack'
import { planWork } from '../../scripts/cli/plan'
import { jobOf } from './stand-in-api'

const dir = mkdtempSync(join(tmpdir(), 'ingest-inputs-'))
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text)
  return join(dir, name)
}

const WXR = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Harbor News</title></channel></rss>
`
const GHOST = `{"db":[{"meta":{"exported_on":1740823200000,"version":"5.89.0"},"data":{"posts":[]}}]}`

describe('telling archives from articles', () => {
  it('finds archives beside articles, and types each by extension and its first 64 KiB', () => {
    const paths = {
      ndjson: write('export.ndjson', '{"title":"Tide tables move online","body":"Online."}\n'),
      jsonl: write('export.jsonl', '{"title":"Ferry adds a night run","body":"11:40 p.m."}\n'),
      wxr: write('harbor.wordpress.xml', WXR),
      sitemap: write('sitemap.xml', '<?xml version="1.0"?><urlset></urlset>'),
      ghost: write('harbor.ghost.json', `\uFEFF \n\t${GHOST}`),
      article: write('article.json', '{"title":"Café reopens","body":"With a new roof."}'),
      listing: write('list.json', '[{"db":1}]'),
      late: write('late.json', `{"title":"Long","body":"${'x'.repeat(SNIFF_BYTES)}","db":1}`),
    }
    expect(collectFiles([dir]).map((p) => p.slice(dir.length + 1))).toEqual([
      'article.json',
      'export.jsonl',
      'export.ndjson',
      'harbor.ghost.json',
      'harbor.wordpress.xml',
      'late.json',
      'list.json',
      'sitemap.xml',
    ])
    const kinds = Object.fromEntries(
      Object.entries(paths).map(([key, path]) => {
        const input = classify(path)
        return [key, input.kind === 'archive' ? input.contentType : input.kind]
      }),
    )
    expect(kinds).toEqual({
      ndjson: 'application/x-ndjson',
      jsonl: 'application/x-ndjson',
      wxr: 'application/xml',
      sitemap: 'skipped',
      ghost: 'application/json',
      article: 'file',
      listing: 'file',
      late: 'file',
    })
    expect(classify(paths.sitemap)).toEqual({
      kind: 'skipped',
      path: paths.sitemap,
      reason: 'not a WordPress export (no <rss> with xmlns:wp)',
    })
  })
})

describe('planning the work', () => {
  const loose = (count: number) =>
    Array.from({ length: count }, (_, n) => ({
      kind: 'file' as const,
      path: join(process.cwd(), `posts/${n}.md`),
      bytes: 40,
    }))

  it('uploads 99 loose files one by one, and packs 100 into a multipart import', () => {
    const options = { jobThreshold: 100, maxImportBytes: 100_000_000 }
    const few = planWork(loose(99), options)
    expect([few.uploads.length, few.imports.length, few.refused]).toEqual([99, 0, []])
    const many = planWork(loose(100), options)
    expect(many.uploads).toEqual([])
    expect(many.imports.map((run) => run.name)).toEqual(['files 1 of 1 (100 files)'])
    expect(many.imports[0]!.contentType).toMatch(/^multipart\/form-data; boundary=----ingest-/)
  })

  it('names what is over the limit, archive or file, before anything is sent', () => {
    const archive = { kind: 'archive' as const, contentType: 'application/xml', bytes: 2_000 }
    const huge = { kind: 'file' as const, path: join(process.cwd(), 'posts/2.md'), bytes: 400 }
    const plan = planWork(
      [{ ...archive, path: join(process.cwd(), 'big.xml') }, ...loose(2), huge],
      { jobThreshold: 3, maxImportBytes: 300 },
    )
    // Each 40-byte file is 236 bytes as a pack of its own: two would be over 300.
    expect(plan.imports.map((run) => [run.name, run.bytes])).toEqual([
      ['big.xml', 2_000],
      ['files 1 of 3 (1 files)', 236],
      ['files 2 of 3 (1 files)', 236],
      ['files 3 of 3 (1 files)', 596],
    ])
    const why =
      " over the import limit of 300 bytes (the server's MAX_IMPORT_BYTES; raise --max-import-bytes only if the server allows more)"
    expect(plan.refused).toEqual([
      `big.xml is 2,000 bytes,${why}`,
      `posts/2.md with its multipart headers is 596 bytes,${why}`,
    ])
  })

  it('packs files in order into bodies no bigger than asked, each exactly its planned size', async () => {
    const sizes = [3_000, 1_000, 2_500, 9_000, 400]
    const files = sizes.map((size, n) => ({
      path: write(`pack-${n}.txt`, 'a'.repeat(size)),
      name: `pack-${n}.txt`,
      bytes: size,
    }))
    const packs = planPacks(files, 5_000, 'BOUNDARY')
    expect(packs.map((pack) => pack.files.map((file) => file.name))).toEqual([
      ['pack-0.txt', 'pack-1.txt'],
      ['pack-2.txt'],
      ['pack-3.txt'],
      ['pack-4.txt'],
    ])
    const header = (name: string) =>
      `--BOUNDARY\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n`
    const body = await packBody(packs[0]!)
    expect(await body.text()).toBe(
      `${header('pack-0.txt')}${'a'.repeat(3_000)}\r\n${header('pack-1.txt')}${'a'.repeat(1_000)}\r\n--BOUNDARY--\r\n`,
    )
    for (const pack of packs) expect((await packBody(pack)).size).toBe(pack.bytes)
    expect(packs.map((pack) => pack.bytes)).toEqual([4_264, 2_639, 9_139, 539])
  })
})

describe('drawing a job', () => {
  const bytes = 2_400_000
  const steps = [
    jobOf({ status: 'queued', bytes, read: 0 }),
    jobOf({ status: 'queued', bytes, read: 0 }),
    jobOf({ status: 'running', bytes, read: 1_200_000, total: 310 }),
    jobOf({ status: 'running', bytes, read: 1_300_000, total: 330 }),
    jobOf({
      status: 'running',
      bytes,
      read: bytes,
      split: true,
      total: 600,
      done: 150,
      created: 150,
    }),
    jobOf({
      ...{ status: 'done', bytes, read: bytes, split: true, total: 600, done: 600 },
      ...{ created: 590, updated: 4, unchanged: 3, failed: 3 },
    }),
  ]
  const draw = (isTTY: boolean, jobs = steps) => {
    const writes: string[] = []
    const bar = jobProgress({ isTTY, write: (text: string) => writes.push(text) })
    for (const job of jobs) bar.update(job)
    bar.end()
    return writes
  }

  it('redraws one line on a terminal: bytes read until the archive is split, then items', () => {
    expect(draw(true)).toEqual([
      '\r[------------------------------] queued: read 0 B of 2.4 MB, 0 items found\x1b[K',
      '\r[###############---------------] running: read 1.2 MB of 2.4 MB, 310 items found\x1b[K',
      '\r[################--------------] running: read 1.3 MB of 2.4 MB, 330 items found\x1b[K',
      '\r[########----------------------] 150/600  created 150  updated 0  unchanged 0  failed 0\x1b[K',
      '\r[##############################] 600/600  created 590  updated 4  unchanged 3  failed 3\x1b[K',
      '\n',
    ])
  })

  it('writes a line only when a tenth more is read or stored elsewhere (CI logs)', () => {
    expect(draw(false)).toEqual([
      '[------------------------------] queued: read 0 B of 2.4 MB, 0 items found\n',
      '[###############---------------] running: read 1.2 MB of 2.4 MB, 310 items found\n',
      '[########----------------------] 150/600  created 150  updated 0  unchanged 0  failed 0\n',
      '[##############################] 600/600  created 590  updated 4  unchanged 3  failed 3\n',
    ])
  })

  it('ends with the last state when it was not written (a job failing mid-read)', () => {
    const error = { code: 'broken_archive', message: 'Cut off.' }
    const failed = jobOf({ status: 'failed', bytes, read: 1_300_000, total: 330, error })
    expect(draw(false, [steps[2]!, failed])).toEqual([
      '[###############---------------] running: read 1.2 MB of 2.4 MB, 310 items found\n',
      '[################--------------] failed: read 1.3 MB of 2.4 MB, 330 items found\n',
    ])
  })

  it('names each failed item by where it was in its archive', () => {
    const failed = { index: 4, status: 'failed' as const }
    expect(
      [
        { file: 'posts/004.md' },
        { line: 5 },
        { guid: 'https://harbor.example/?p=12' },
        { offset: 4096 },
        {},
      ].map((place) => itemPlace({ ...failed, ...place })),
    ).toEqual(['posts/004.md', 'line 5', 'https://harbor.example/?p=12', 'byte 4096', 'item 5'])
  })
})
