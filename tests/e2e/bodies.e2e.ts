import { Agent, request, type OutgoingHttpHeaders } from 'node:http'
import { afterAll, describe, expect, it } from 'vitest'
import { e2e } from './context'

// A response sent before its request's body was read (a 401 at the form's first file, a 413
// mid-stream, a malformed multipart header) left `wrangler dev` waiting for the unread bytes, and
// the next request of any kind hung behind it. Each case is followed by /healthz, on the same
// kept-alive connection and on a new one; a request that does not answer fails the test.

const MiB = 1024 * 1024
const ANSWER_WITHIN_MS = 15_000
const agent = new Agent({ keepAlive: true, maxSockets: 1 })
afterAll(() => agent.destroy())

interface Answer {
  status: number
  body: string
}

/** One request; `chunks` are sent one by one with chunked transfer encoding unless sized. */
function send(
  method: string,
  path: string,
  headers: OutgoingHttpHeaders,
  chunks: Buffer[] = [],
  via: Agent | false = agent,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${e2e().origin}${path}`,
      { method, headers, agent: via, timeout: ANSWER_WITHIN_MS },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in time`)))
    // The server may answer and stop reading before the body is all sent.
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
    )
    for (const chunk of chunks) req.write(chunk)
    req.end()
  })
}

const BOUNDARY = 'e2e-bodies'
const part = (headers: string, content: Buffer) =>
  Buffer.concat([Buffer.from(`--${BOUNDARY}\r\n${headers}\r\n\r\n`), content, Buffer.from('\r\n')])
const multipart = (...parts: Buffer[]) =>
  Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)])
const formType = { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` }
const text = (bytes: number) => Buffer.alloc(bytes, 'x')
const sized = (body: Buffer) => ({ 'Content-Length': String(body.length) })

async function expectNextRequestsAnswer() {
  expect(await send('GET', '/healthz', {})).toEqual({ status: 200, body: 'ok' })
  expect(await send('GET', '/healthz', {}, [], false)).toEqual({ status: 200, body: 'ok' })
}

describe('a request body the app stops reading', () => {
  it('the form with a wrong token and a 2 MiB file: 401, then the next request answers', async () => {
    const body = multipart(
      part('Content-Disposition: form-data; name="token"', Buffer.from('wrong')),
      part(
        'Content-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain',
        text(2 * MiB),
      ),
    )
    const answer = await send('POST', '/upload', { ...formType, ...sized(body) }, [body])
    expect(answer.status).toBe(401)
    await expectNextRequestsAnswer()
  })

  it('a chunked upload past the limit: 413 mid-stream, then the next request answers', async () => {
    const headers = { Authorization: `Bearer ${e2e().token}`, 'Content-Type': 'text/plain' }
    const chunks = Array.from({ length: 32 }, () => text(64 * 1024))
    const answer = await send('POST', '/api/articles', headers, chunks)
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'payload_too_large' } })
    await expectNextRequestsAnswer()
  })

  it('a multipart part header of 10 KB: 400, then the next request answers', async () => {
    const body = multipart(
      part(
        `Content-Disposition: form-data; name="file"; filename="a.txt"\r\nX-Pad: ${'a'.repeat(10_000)}`,
        text(2 * MiB),
      ),
    )
    const headers = { Authorization: `Bearer ${e2e().token}`, ...formType, ...sized(body) }
    const answer = await send('POST', '/api/articles/bulk', headers, [body])
    expect(answer.status).toBe(400)
    await expectNextRequestsAnswer()
  })

  it('a 2 MiB upload with a wrong token, never read: 401, then the next request answers', async () => {
    const body = text(2 * MiB)
    const headers = { Authorization: 'Bearer wrong', 'Content-Type': 'text/plain', ...sized(body) }
    const answer = await send('POST', '/api/articles', headers, [body])
    expect(answer.status).toBe(401)
    await expectNextRequestsAnswer()
  })
})
