import { Webhook } from 'standardwebhooks'

/**
 * A webhook receiver that runs in Node, outside the worker (vitest.config.ts binds it as the
 * worker's WEBHOOK_FETCHER service): it verifies every delivery with the reference
 * `standardwebhooks` package, not with our code, and records what it got. What it answers
 * depends on the URL's first segment:
 *   /ok/…          204
 *   /fail-once/…   500 to an id's first delivery, then 200
 *   /busy/…        429 with Retry-After: 2 to an id's first delivery, then 200
 *   /gone/…        410
 *   /always-500/…  500
 * The tests tell it each endpoint's secret and read what it got through http://receiver.control.
 */

export interface Received {
  id: string
  timestamp: string
  signature: string
  verified: boolean
  error: string | null
  payload: { type: string; timestamp: string; data: Record<string, unknown> }
  at: number
}

const secrets = new Map<string, string>()
const received = new Map<string, Received[]>()
const seen = new Map<string, number>()

export async function receiver(request: Request): Promise<Response> {
  const url = new URL(request.url)
  if (url.hostname === 'receiver.control') {
    if (url.pathname === '/secret') {
      const { path, secret } = (await request.json()) as { path: string; secret: string }
      secrets.set(path, secret)
      return new Response('ok')
    }
    return Response.json(received.get(url.searchParams.get('path') ?? '') ?? [])
  }
  const body = await request.text()
  const headers = Object.fromEntries(request.headers)
  let verified = false
  let error: string | null = null
  try {
    new Webhook(secrets.get(url.pathname) ?? 'whsec_').verify(body, headers)
    verified = true
  } catch (e) {
    error = String(e)
  }
  const id = headers['webhook-id'] ?? ''
  const list = received.get(url.pathname) ?? []
  received.set(url.pathname, list)
  list.push({
    id,
    timestamp: headers['webhook-timestamp'] ?? '',
    signature: headers['webhook-signature'] ?? '',
    verified,
    error,
    payload: JSON.parse(body) as Received['payload'],
    at: Date.now(),
  })
  const times = (seen.get(`${url.pathname} ${id}`) ?? 0) + 1
  seen.set(`${url.pathname} ${id}`, times)
  const mode = url.pathname.split('/')[1]
  if (mode === 'fail-once') return new Response('try again', { status: times === 1 ? 500 : 200 })
  if (mode === 'busy' && times === 1)
    return new Response('slow down', { status: 429, headers: { 'Retry-After': '2' } })
  if (mode === 'gone') return new Response('gone', { status: 410 })
  if (mode === 'always-500') return new Response('broken', { status: 500 })
  return new Response(null, { status: mode === 'busy' ? 200 : 204 })
}
