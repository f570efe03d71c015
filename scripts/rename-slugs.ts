/**
 * `npm run slugs:rename -- [--url http://127.0.0.1:8787] [--token T] [--per-pass 200]`
 *
 * For an install from before Unicode slugs: gives every stored author and tag the slug ingest
 * makes now (`tag-1pgij4` → `東京`), one pass after another (POST /api/maintenance/slugs), until
 * the end; old slugs redirect to the new ones. Safe to stop and run again at any point.
 */
import { parseArgs } from 'node:util'
import { devToken } from './cli/dev-token'

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.INGEST_URL ?? 'http://127.0.0.1:8787' },
    token: { type: 'string' },
    'per-pass': { type: 'string', default: '200' },
  },
})
const token = values.token ?? process.env.INGEST_TOKEN ?? devToken()

interface Pass {
  relinked: number
  retired: number
  next: string | null
}

let after: string | null = null
let relinked = 0
let retired = 0
do {
  const query = new URLSearchParams({ limit: values['per-pass'], ...(after ? { after } : {}) })
  const res = await fetch(`${values.url}/api/maintenance/slugs?${query}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  })
  if (!res.ok) {
    console.error(`slugs:rename: ${res.status} ${await res.text()}`)
    process.exit(1)
  }
  const pass = (await res.json()) as Pass
  relinked += pass.relinked
  retired += pass.retired
  console.error(
    `${relinked} articles relinked, ${retired} old slugs redirecting; at ${pass.next ?? 'the end'}`,
  )
  after = pass.next
} while (after !== null)
