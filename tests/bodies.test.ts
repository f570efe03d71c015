import { describe, expect, it } from 'vitest'
import { call, TOKEN } from './helpers'

// A body the app stops reading is read to its end after the answer (src/http/upload-body.ts,
// releaseBody), so the connection is free for the next request; tests/e2e/bodies.e2e.ts checks
// that next request against a real `wrangler dev`. Here: every byte of the body is taken.

const MiB = 1024 * 1024
const encoder = new TextEncoder()

/** A body of `size` bytes in 64 KiB chunks that counts how many bytes were read from it. */
function countedBody(head: string, size: number, tail = '') {
  const chunks = [encoder.encode(head), new Uint8Array(size).fill(0x78), encoder.encode(tail)]
  const total = chunks.reduce((n, c) => n + c.length, 0)
  const pieces = chunks.flatMap((c) =>
    Array.from({ length: Math.ceil(c.length / 65536) }, (_, i) =>
      c.subarray(i * 65536, (i + 1) * 65536),
    ),
  )
  let read = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces.shift()
      if (!piece) return controller.close()
      read += piece.length
      controller.enqueue(piece)
    },
  })
  return { stream, total, read: () => read }
}

const form = (token: string) =>
  countedBody(
    `--b\r\nContent-Disposition: form-data; name="token"\r\n\r\n${token}\r\n` +
      `--b\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n`,
    2 * MiB,
    '\r\n--b--\r\n',
  )

describe('a request body the app stops reading is read to its end', () => {
  it('the form with a wrong token and a 2 MiB file (401 at the file)', async () => {
    const body = form('wrong')
    const answer = await call('/upload', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=b' },
      body: body.stream,
    })
    expect(answer.status).toBe(401)
    expect(body.read()).toBe(body.total)
  })

  it('a 2 MiB text upload past the 1 MiB limit (413 mid-stream)', async () => {
    const body = countedBody('BIG: A title\n\n', 2 * MiB)
    const answer = await call('/api/articles', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' },
      body: body.stream,
    })
    expect(answer.status).toBe(413)
    expect(body.read()).toBe(body.total)
  })

  it('a 2 MiB upload with no token, never read (401)', async () => {
    const body = countedBody('', 2 * MiB)
    const answer = await call('/api/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: body.stream,
    })
    expect(answer.status).toBe(401)
    expect(body.read()).toBe(body.total)
  })
})
