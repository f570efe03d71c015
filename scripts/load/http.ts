import { Agent, request, type IncomingHttpHeaders } from 'node:http'

export interface Reply {
  status: number
  /** From sending the request to the last byte of the answer. */
  ms: number
  headers: IncomingHttpHeaders
  text: string
}

export interface Init {
  method?: string
  headers?: Record<string, string>
  body?: string
}

const TIMEOUT_MS = 30_000
const agent = new Agent({ keepAlive: true, maxSockets: 256 })

/**
 * One request on a keep-alive connection. A request that fails on a reused connection (closed by
 * the server while idle) is sent once more on a fresh one, as Node's documentation advises: every
 * write this load sends is safe to repeat, since the same bytes store nothing new.
 */
export async function call(url: string, init: Init = {}): Promise<Reply> {
  try {
    return await send(url, init, agent)
  } catch (error) {
    if (!(error instanceof ReusedSocketError)) throw error
    return send(url, init, false)
  }
}

class ReusedSocketError extends Error {}

function send(url: string, init: Init, via: Agent | false): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent: via })
    req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`no answer in ${TIMEOUT_MS} ms`)))
    req.on('error', (error) =>
      reject(req.reusedSocket ? new ReusedSocketError(error.message) : error),
    )
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - started,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      )
    })
    req.end(init.body)
  })
}
