import { env } from 'cloudflare:test'
import { expect, it } from 'vitest'
import { storeArchive } from '../../src/blobs/archives'

const MiB = 1024 * 1024

/** Byte i of the archive: a pattern that no part boundary repeats. */
const byteAt = (i: number) => (i * 7 + (i >> 11)) % 251

/** `total` bytes in reads of 1 to 4 MB, each of another size, none ending on a part's edge. */
function body(total: number) {
  let sent = 0
  let reads = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close()
      const piece = 1_000_003 + ((reads++ * 2_654_435) % 3_000_000)
      const chunk = new Uint8Array(Math.min(piece, total - sent))
      for (let i = 0; i < chunk.length; i++) chunk[i] = byteAt(sent + i)
      sent += chunk.length
      controller.enqueue(chunk)
    },
  })
}

const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('')

it('stores an archive of four parts read in pieces that cross the parts, byte for byte', async () => {
  // R2 refuses, on completion, parts of different sizes but the last: 25 MiB read in pieces of
  // 1 to 4 MB must go up as 8, 8, 8 and 1 MiB (cut where each piece fell, they were 10.9, 8.4
  // and 6.9 MB, and the upload failed).
  const total = 25 * MiB
  const stored = await storeArchive(
    env.ORIGINALS,
    'imports/t/archive',
    body(total),
    'application/x-ndjson',
  )
  const object = await env.ORIGINALS.get('imports/t/archive')
  const bytes = new Uint8Array(await object!.arrayBuffer())
  expect(bytes.length).toBe(total)
  let wrong = -1
  for (let i = 0; i < total && wrong < 0; i++) if (bytes[i] !== byteAt(i)) wrong = i
  expect(wrong).toBe(-1)
  expect(stored).toEqual({
    bytes: total,
    sha256: hex(await crypto.subtle.digest('SHA-256', bytes)),
  })
  expect(object!.httpMetadata?.contentType).toBe('application/x-ndjson')
})
