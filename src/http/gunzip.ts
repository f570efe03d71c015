import { Gunzip } from 'fflate'
import { AppError, tooLarge } from '../errors'

/**
 * gzip, member after member. A body may be several gzip members one after another (RFC 1952:
 * what `cat a.gz b.gz` makes), which the runtime's DecompressionStream refuses ("trailing bytes").
 * fflate inflates them in turn; each member's CRC-32 and size are checked against its trailer, as
 * the runtime would, so a damaged body is refused rather than stored. The output stops the moment
 * it passes `limit`, so a small bomb never fills memory before it is refused.
 */
export function gunzip(limit: number): TransformStream<Uint8Array, Uint8Array> {
  const input = new RecentBytes()
  let member = { crc: 0, size: 0 }
  let total = 0
  let inflater: Gunzip
  const checkTrailer = (trailerEnd: number) => {
    const trailer = input.at(trailerEnd - 8, 8)
    const view = new DataView(trailer.buffer, trailer.byteOffset, 8)
    if (view.getUint32(0, true) !== member.crc || view.getUint32(4, true) !== member.size) {
      throw corrupt()
    }
  }
  return new TransformStream({
    start(controller) {
      inflater = new Gunzip((chunk) => {
        total += chunk.byteLength
        if (total > limit) throw tooLarge(limit)
        member = { crc: crc32(member.crc, chunk), size: (member.size + chunk.byteLength) >>> 0 }
        controller.enqueue(chunk)
      })
      inflater.onmember = (start) => {
        checkTrailer(start)
        member = { crc: 0, size: 0 }
      }
    },
    transform(chunk) {
      input.add(chunk)
      inflater.push(chunk, false)
    },
    flush() {
      if (input.length === 0) throw corrupt()
      inflater.push(new Uint8Array(0), true)
      checkTrailer(input.length)
    },
  })
}

const corrupt = () =>
  new AppError(400, 'invalid_body', 'The gzip body is damaged: a member fails its checksum.')

/** The last bytes of a stream (enough for a trailer and the next member's header), by offset. */
class RecentBytes {
  private static readonly KEEP = 64 * 1024
  private chunks: { start: number; bytes: Uint8Array }[] = []
  length = 0

  add(bytes: Uint8Array): void {
    this.chunks.push({ start: this.length, bytes })
    this.length += bytes.byteLength
    while (this.chunks.length > 1 && this.chunks[1]!.start <= this.length - RecentBytes.KEEP) {
      this.chunks.shift()
    }
  }

  /** `count` bytes from `offset`; a 400 when they are no longer kept (a header that long). */
  at(offset: number, count: number): Uint8Array {
    const out = new Uint8Array(count)
    let found = 0
    for (const { start, bytes } of this.chunks) {
      for (
        let i = Math.max(offset, start);
        i < Math.min(offset + count, start + bytes.length);
        i++
      ) {
        out[i - offset] = bytes[i - start]!
        found++
      }
    }
    if (found !== count || offset < 0) throw corrupt()
    return out
  }
}

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

/** CRC-32 (the gzip one) of `bytes`, continued from `crc`. */
function crc32(crc: number, bytes: Uint8Array): number {
  let c = ~crc
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return ~c >>> 0
}
