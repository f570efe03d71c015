import { describe, expect, it } from 'vitest'
import { decodeChunk, encodeChunk, type ChunkItem } from '../../src/imports/chunk'
import { splitGhost } from '../../src/imports/formats/ghost'
import { multipartSplitter } from '../../src/imports/formats/multipart'
import { splitNdjson } from '../../src/imports/formats/ndjson'
import { TextRun, utf8Length } from '../../src/imports/formats/text-run'
import type { ArchiveReader, Found, ResumePoint, Splitter } from '../../src/imports/formats/types'
import { splitWxr } from '../../src/imports/formats/wxr'
import ghostExport from '../ingest/ghost/fixtures/harbor-gazette.ghost.json?raw'
import wxrExport from '../ingest/wxr/fixtures/harbor-gazette.wordpress.xml?raw'
import { multipartBody } from './support'

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true })

/** An archive in memory, read back in pieces of `piece` bytes, as R2 streams a range. */
function archiveOf(
  bytes: Uint8Array,
  piece: number,
): ArchiveReader & { aside: Map<string, string> } {
  const aside = new Map<string, string>()
  return {
    aside,
    from: async (offset) => {
      let at = offset
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= bytes.length) return controller.close()
          controller.enqueue(bytes.slice(at, at + piece))
          at += piece
        },
      })
    },
    load: async (name) => aside.get(name) ?? null,
    save: async (name, text) => {
      aside.set(name, text)
    },
  }
}

const limits = { maxItemBytes: 4096 }

async function collect(
  splitter: Splitter,
  archive: ArchiveReader,
  from: ResumePoint = { at: 0, state: null },
) {
  const found: Found[] = []
  for await (const f of splitter(archive, from, limits)) found.push(f)
  return found
}

/** What an item is, comparable: its place, and its text or its problem. */
const shown = (found: Found[]) =>
  found.map(({ item }) =>
    item === null
      ? null
      : 'problem' in item
        ? { ref: item.ref, problem: item.problem.code }
        : { ref: item.ref, format: item.format, text: decoder.decode(item.bytes), meta: item.meta },
  )

/**
 * A later invocation, started from any item's resume point, finds exactly what one reading
 * found after that item: with the archive read in pieces of every size tried.
 */
async function expectResumable(splitter: Splitter, bytes: Uint8Array) {
  const whole = await collect(splitter, archiveOf(bytes, bytes.length + 1))
  for (const piece of [1, 3, 64, 4096]) {
    const archive = archiveOf(bytes, piece)
    const once = await collect(splitter, archive)
    expect(shown(once)).toEqual(shown(whole))
    for (let k = 0; k < once.length; k++) {
      const next = once[k]!.next
      if (!next) continue
      const rest = await collect(splitter, archive, next)
      expect(shown(rest), `resumed after entry ${k}, pieces of ${piece}`).toEqual(
        shown(once.slice(k + 1)),
      )
    }
  }
  return whole
}

describe('NDJSON', () => {
  const lines = [
    '\uFEFF{"title":"Première","body":"Un café à Zürich — déjà vu."}',
    '',
    '{"title":"二番目","body":"東京の記事。"}\r',
    'not json',
    `{"title":"Long","body":"${'x'.repeat(5000)}"}`,
    '   ',
    '{"title":"Emoji 🦊","body":"Foxes 🦊 at dawn."}',
  ]
  const bytes = encoder.encode(lines.join('\n'))

  it('numbers lines from 1 as editors do (blank ones counted) and fails a long line alone', async () => {
    const found = await expectResumable(splitNdjson, bytes)
    expect(shown(found)).toEqual([
      { ref: { line: 1 }, format: 'json', text: lines[0], meta: {} },
      { ref: { line: 3 }, format: 'json', text: lines[2]!.slice(0, -1), meta: {} },
      { ref: { line: 4 }, format: 'json', text: 'not json', meta: {} },
      { ref: { line: 5 }, problem: 'payload_too_large' },
      { ref: { line: 7 }, format: 'json', text: lines[6], meta: {} },
    ])
    // Each resume point is the byte just past its line's newline.
    const bytesThrough = (i: number) => encoder.encode(lines.slice(0, i + 1).join('\n')).length
    expect(found.map((f) => f.next!.at)).toEqual(
      [0, 2, 3, 4].map((i) => bytesThrough(i) + 1).concat(bytes.length),
    )
  })
})

describe('multipart', () => {
  const { body, contentType } = multipartBody([
    { field: 'note', value: 'passed over' },
    { file: 'one.txt', text: 'ONE\n\nThe first file, café.' },
    { file: 'two.md', text: '# Two\n\nThe second 🦊 file.' },
    { file: 'virus.exe', text: 'MZ' },
    { file: 'four.json', text: '{"title":"Four","body":"Four."}' },
  ])

  it('makes each file an item typed by its extension, and resumes by files passed over', async () => {
    const found = await expectResumable(multipartSplitter(contentType), body)
    expect(shown(found)).toEqual([
      { ref: { file: 'one.txt' }, format: 'text', text: 'ONE\n\nThe first file, café.', meta: {} },
      {
        ref: { file: 'two.md' },
        format: 'markdown',
        text: '# Two\n\nThe second 🦊 file.',
        meta: {},
      },
      { ref: { file: 'virus.exe' }, problem: 'unsupported_media_type' },
      {
        ref: { file: 'four.json' },
        format: 'json',
        text: '{"title":"Four","body":"Four."}',
        meta: {},
      },
    ])
  })

  it('stops at a file over the limit with that reason, keeping what came before', async () => {
    const big = multipartBody([
      { file: 'a.txt', text: 'A\n\nfine.' },
      { file: 'b.txt', text: 'B\n\n' + 'b'.repeat(5000) },
      { file: 'c.txt', text: 'C\n\nnever read.' },
    ])
    const found = await collect(multipartSplitter(big.contentType), archiveOf(big.body, 100))
    expect(shown(found)).toEqual([
      { ref: { file: 'a.txt' }, format: 'text', text: 'A\n\nfine.', meta: {} },
      { ref: { file: '#2' }, problem: 'payload_too_large' },
    ])
    expect(found[1]!.next).toBeNull()
  })
})

describe('a WordPress export', () => {
  const bytes = encoder.encode(`\uFEFF${wxrExport}`)

  it('passes over the attachment and the page, keeps the draft, and resumes after any item', async () => {
    const found = await expectResumable(splitWxr, bytes)
    expect(
      shown(found).map((f) => f && ('problem' in f ? [f.ref, f.problem] : [f.ref, f.meta])),
    ).toEqual([
      [{ guid: 'https://harborgazette.example/?p=41' }, { author: 'Marta Kowalski' }],
      null,
      [{ guid: 'https://harborgazette.example/?p=60' }, { author: 'José Brennan' }],
      null,
      [{ guid: 'https://harborgazette.example/?p=70' }, { author: 'José Brennan' }],
    ])
    // Resume points are archive bytes: the byte-order mark and every multi-byte character counted.
    const text = `\uFEFF${wxrExport}`
    const ends = [...text.matchAll(/<\/item>/g)].map((m) => m.index + '</item>'.length)
    expect(found.map((f) => f.next!.at)).toEqual(ends.map((end) => utf8Length(text, 0, end)))
  })

  it('reports an item cut off at the end as unreadable, at its byte', async () => {
    const cut = wxrExport.slice(0, wxrExport.lastIndexOf('</item>'))
    const found = await collect(splitWxr, archiveOf(encoder.encode(cut), 512))
    const last = found.at(-1)!
    expect(last.next).toBeNull()
    expect(last.item).toEqual({
      ref: { offset: utf8Length(cut, 0, cut.lastIndexOf('<item>')) },
      problem: { code: 'unreadable_item', message: expect.stringContaining('cut off') },
    })
  })
})

describe('a Ghost export', () => {
  const CAPTION =
    'Stalls on the square last August. Photo: <a href="https://lenapark.example">Lena Park</a>'
  const bytes = encoder.encode(ghostExport)

  it('keeps authors, tags and captions beside each post, drafts too, passes over pages, and resumes after any post', async () => {
    const found = await expectResumable(splitGhost, bytes)
    expect(
      shown(found).map((f) => f && ('problem' in f ? [f.ref, f.problem] : [f.ref, f.meta])),
    ).toEqual([
      [
        { guid: '65d4f1a2c3b4e5000148a0c1' },
        {
          authors: '["Tomasz Nowak","Lena Park"]',
          tags: '["Local News","#newsletter","Food & Drink"]',
          imageCaption: CAPTION,
        },
      ],
      [{ guid: '65dc2b90c3b4e5000148a0f7' }, { authors: '["Lena Park"]', tags: '["Local News"]' }],
      null,
    ])
  })
})

describe('a chunk object', () => {
  it('holds its items’ bytes exactly, problems beside them', () => {
    const items: ChunkItem[] = [
      { seq: 7, ref: { line: 9 }, format: 'json', bytes: encoder.encode('{"a":"é🦊"}'), meta: {} },
      { seq: 8, ref: { line: 10 }, problem: { code: 'payload_too_large', message: 'too big' } },
      {
        seq: 9,
        ref: { guid: 'g' },
        format: 'wxr',
        bytes: new Uint8Array([0xff, 0x0a, 0x00]),
        meta: { author: 'A' },
      },
    ]
    const chunk = encodeChunk(items)
    const head = chunk.indexOf(0x0a) + 1
    const [first, problem, last] = items as [ChunkItem, ChunkItem, ChunkItem]
    const lengths = (item: ChunkItem) => ('bytes' in item ? item.bytes.length : 0)
    const decoded = decodeChunk(chunk)
    expect(decoded).toEqual([
      { ...first, offset: head },
      problem,
      { ...last, offset: head + lengths(first) },
    ])
    // The range a source names is the item's bytes exactly: the chunk is their original.
    for (const item of decoded) {
      if ('offset' in item) {
        expect(chunk.subarray(item.offset, item.offset + item.bytes.length)).toEqual(item.bytes)
      }
    }
  })
})

describe('TextRun', () => {
  it('maps string offsets back to bytes across pieces cut inside characters', async () => {
    const text = 'aé🦊東\uFEFFz'
    const bytes = encoder.encode(`\uFEFF${text}`)
    const run = new TextRun(0, 0)
    let read = ''
    for await (const piece of run.read(
      (await archiveOf(bytes, 1).from(0)) as ReadableStream<Uint8Array>,
    )) {
      read += piece
    }
    expect(read).toBe(text)
    expect([0, 1, 2, 4, 5, 6, 7].map((i) => run.byteAt(i))).toEqual([3, 4, 6, 10, 13, 16, 17])
  })

  it('stops at bytes that are not UTF-8, naming where', async () => {
    const run = new TextRun(100, 0)
    const bytes = new Uint8Array([0x61, 0x62, 0xc3, 0x28])
    await expect(async () => {
      for await (const _ of run.read(
        (await archiveOf(bytes, 2).from(0)) as ReadableStream<Uint8Array>,
      )) {
        // reading
      }
    }).rejects.toThrow('not valid UTF-8 near byte 102')
  })
})
