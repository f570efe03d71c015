import { request } from 'node:http'

export interface Answer {
  status: number
  header(name: string): string | undefined
  text: string
}

/**
 * One HTTP request on a connection of its own. A pooled keep-alive connection that workerd has
 * already closed fails with EPIPE or "other side closed", and a POST is not retried by fetch.
 */
export function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false })
    req.on('error', reject)
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        const header = (name: string) => {
          const value = res.headers[name.toLowerCase()]
          return Array.isArray(value) ? value.join(', ') : value
        }
        resolve({ status: res.statusCode ?? 0, header, text })
      })
    })
    req.end(init.body)
  })
}
