import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ndjsonLines, type Line } from '../../src/lib/ndjson-lines'

/** What the lines of a whole body are, read at once: the model the streaming reader must match. */
function model(body: Uint8Array, maxLine: number): Line[] {
  const lines: Line[] = []
  let start = 0
  let number = 0
  for (let i = 0; i <= body.length; i++) {
    if (i < body.length && body[i] !== 0x0a) continue
    const line = body.subarray(start, i)
    start = i + 1
    // The last line counts when it holds something; the newline ending the one before does not.
    if (i === body.length && line.length === 0) break
    number++
    const end = Math.min(i + 1, body.length)
    if (line.length > maxLine) lines.push({ tooLong: true, number, end })
    else {
      const text = line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line
      if (text.some((byte) => byte > 0x20)) lines.push({ bytes: text, number, end })
    }
  }
  return lines
}

/** The body as a stream cut at the given offsets. */
function streamOf(body: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
  const offsets = [...new Set(cuts.map((c) => c % (body.length + 1)))].sort((a, b) => a - b)
  const chunks = [0, ...offsets, body.length]
    .slice(1)
    .map((end, i, all) => body.slice(i === 0 ? 0 : all[i - 1], end))
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
      controller.close()
    },
  })
}

async function read(stream: ReadableStream<Uint8Array>, maxLine: number): Promise<Line[]> {
  const lines: Line[] = []
  for await (const line of ndjsonLines(stream, maxLine)) {
    lines.push('bytes' in line ? { ...line, bytes: line.bytes.slice() } : line)
  }
  return lines
}

// Bytes where newlines, carriage returns, blanks and UTF-8 sequences are common.
const byte = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0x0a, 0x0d, 0x20, 0x09, 0x7b, 0x7d, 0x22) },
  { weight: 1, arbitrary: fc.constantFrom(0xe2, 0x80, 0x94, 0xf0, 0x9f) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 255 }) },
)
const body = fc.array(byte, { maxLength: 400 }).map((bytes) => Uint8Array.from(bytes))

describe('ndjsonLines, for any bytes cut into any chunks', () => {
  it('yields exactly the lines of the whole body, long lines marked and blank lines skipped, numbered, with where each ends', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.integer({ min: 1, max: 64 }),
        async (bytes, cuts, maxLine) => {
          expect(await read(streamOf(bytes, cuts), maxLine)).toEqual(model(bytes, maxLine))
        },
      ),
      { numRuns: 1500 },
    )
  })

  it('reads 10,000 blank lines and a line of 1 MB past the limit without holding them', async () => {
    const blank = new TextEncoder().encode('\n'.repeat(10_000) + '{"a":1}\r\n')
    expect(await read(streamOf(blank, [3, 5000, 9999]), 16)).toEqual([
      { bytes: new TextEncoder().encode('{"a":1}'), number: 10_001, end: 10_009 },
    ])
    const long = new Uint8Array(2 ** 20 + 2).fill(0x61)
    long[2 ** 20] = 0x0a
    long[2 ** 20 + 1] = 0x62
    const cuts = Array.from({ length: 64 }, (_, i) => i * 16_411)
    expect(await read(streamOf(long, cuts), 1024)).toEqual([
      { tooLong: true, number: 1, end: 2 ** 20 + 1 },
      { bytes: new Uint8Array([0x62]), number: 2, end: 2 ** 20 + 2 },
    ])
  })
})
