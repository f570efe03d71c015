import { concatBytes } from './bytes'

/**
 * One line of an NDJSON body: its bytes, or a marker that it ran past the per-line limit; its
 * number (from 1, blank lines counted) and the byte offset just past it, from the stream's start.
 */
export type Line = ({ bytes: Uint8Array } | { tooLong: true }) & { number: number; end: number }

const NEWLINE = 0x0a

/**
 * Splits a byte stream into lines without holding more than one line (at most `maxLine` bytes)
 * in memory. Blank lines are skipped; a trailing `\r` is dropped. A line longer than `maxLine` is
 * reported as such and skipped to its end, so the lines after it still arrive.
 */
export async function* ndjsonLines(
  stream: ReadableStream<Uint8Array>,
  maxLine: number,
): AsyncGenerator<Line> {
  let pending: Uint8Array[] = []
  let pendingBytes = 0
  let overflow = false
  let number = 0
  let read = 0

  function* finish(end: number): Generator<Line> {
    number++
    if (overflow) yield { tooLong: true, number, end }
    else if (pendingBytes > 0) {
      const line = pending.length === 1 ? pending[0]! : concatBytes(pending, pendingBytes)
      const stop = line[line.length - 1] === 0x0d ? line.length - 1 : line.length
      if (line.subarray(0, stop).some((byte) => byte > 0x20)) {
        yield { bytes: line.subarray(0, stop), number, end }
      }
    }
    pending = []
    pendingBytes = 0
    overflow = false
  }

  for await (const chunk of stream) {
    let start = 0
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, start)) {
      take(chunk.subarray(start, i))
      yield* finish(read + i + 1)
      start = i + 1
    }
    take(chunk.subarray(start))
    read += chunk.length
  }
  if (pendingBytes > 0 || overflow) yield* finish(read)

  function take(piece: Uint8Array) {
    if (overflow || piece.length === 0) return
    if (pendingBytes + piece.length > maxLine) {
      overflow = true
      pending = []
      return
    }
    pending.push(piece.slice())
    pendingBytes += piece.length
  }
}
