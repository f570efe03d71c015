import type { IncomingMessage } from 'node:http'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/**
 * fetch for a request whose body is a Blob, sent through node:http so that the body is read from
 * disk only as fast as the socket takes it. Node's own fetch tees every request body (to follow
 * a redirect) and so holds all of it in memory as it goes (nodejs/undici#4058): 100 MB for an
 * archive at the limit. Any other request goes to fetch.
 */
export async function sendBlob(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const body = init?.body
  if (!(body instanceof Blob)) return fetch(input, init)
  const url = new URL(input instanceof Request ? input.url : String(input))
  const headers = Object.fromEntries(new Headers(init?.headers))
  headers['content-length'] = String(body.size)
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise<Response>((resolve, reject) => {
    const request = send(url, { method: init?.method ?? 'POST', headers }, (res) =>
      resolve(responseOf(res)),
    )
    request.on('error', reject)
    // A server may answer (413, 401) before it has read everything; the answer is what counts.
    pipeline(Readable.fromWeb(body.stream() as never), request).catch(reject)
  })
}

function responseOf(res: IncomingMessage): Response {
  const headers = new Headers()
  for (const [name, value] of Object.entries(res.headers)) {
    for (const one of Array.isArray(value) ? value : [value ?? '']) headers.append(name, one)
  }
  const status = res.statusCode ?? 500
  const empty = status === 204 || status === 205 || status === 304
  if (empty) res.resume()
  const body = empty ? null : (Readable.toWeb(res) as unknown as ReadableStream)
  return new Response(body, { status, statusText: res.statusMessage ?? '', headers })
}
