import { concatBytes } from '../lib/bytes'
import type { SourceFormat } from '../model/article'
import type { SplitItem } from './formats/types'

/** An item of a chunk: its place in the job and what the splitter found. */
export type ChunkItem = SplitItem & { seq: number }

type Entry =
  | { seq: number; ref: ChunkItem['ref']; problem: { code: string; message: string } }
  | {
      seq: number
      ref: ChunkItem['ref']
      format: SourceFormat
      meta: Record<string, string>
      length: number
    }

/**
 * A chunk as one R2 object: a line of JSON describing its items, then their bytes end to end,
 * exactly as the archive held them (never re-encoded).
 */
export function encodeChunk(items: ChunkItem[]): Uint8Array<ArrayBuffer> {
  const entries: Entry[] = items.map((item) =>
    'problem' in item
      ? { seq: item.seq, ref: item.ref, problem: item.problem }
      : {
          seq: item.seq,
          ref: item.ref,
          format: item.format,
          meta: item.meta,
          length: item.bytes.length,
        },
  )
  const head = new TextEncoder().encode(`${JSON.stringify(entries)}\n`)
  const parts = [head, ...items.flatMap((item) => ('bytes' in item ? [item.bytes] : []))]
  return concatBytes(
    parts,
    parts.reduce((sum, part) => sum + part.length, 0),
  )
}

/** An item read back from its chunk, with where its bytes start in the chunk's object. */
export type ReadItem = Exclude<ChunkItem, { problem: unknown }> & { offset: number }

export function decodeChunk(
  bytes: Uint8Array,
): (ReadItem | Extract<ChunkItem, { problem: unknown }>)[] {
  const newline = bytes.indexOf(0x0a)
  const entries = JSON.parse(new TextDecoder().decode(bytes.subarray(0, newline))) as Entry[]
  let offset = newline + 1
  return entries.map((entry) => {
    if ('problem' in entry) return entry
    const { length, ...item } = entry
    const body = bytes.subarray(offset, offset + length)
    offset += length
    return { ...item, bytes: body, offset: offset - length }
  })
}
