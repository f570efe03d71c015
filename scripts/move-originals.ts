/**
 * `npm run originals:move -- [--url http://127.0.0.1:8787] [--token T] [--per-pass 25]`
 *
 * For an install from before originals moved to R2: moves every original still in D1 to R2,
 * one pass after another (POST /api/maintenance/originals), until none is left. Safe to stop and
 * run again at any point. Exits 1 when a source was refused (its D1 bytes do not match their hash).
 */
import { parseArgs } from 'node:util'
import { devToken } from './cli/dev-token'

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.INGEST_URL ?? 'http://127.0.0.1:8787' },
    token: { type: 'string' },
    'per-pass': { type: 'string', default: '25' },
  },
})
const token = values.token ?? process.env.INGEST_TOKEN ?? devToken()

interface Pass {
  moved: number
  refused: { sourceId: string; reason: string }[]
  remaining: number
  next: string | null
}

let after: string | null = null
let moved = 0
const refused: Pass['refused'] = []
do {
  const query = new URLSearchParams({ limit: values['per-pass'], ...(after ? { after } : {}) })
  const res = await fetch(`${values.url}/api/maintenance/originals?${query}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  })
  if (!res.ok) {
    console.error(`originals:move: ${res.status} ${await res.text()}`)
    process.exit(1)
  }
  const pass = (await res.json()) as Pass
  moved += pass.moved
  refused.push(...pass.refused)
  console.error(`moved ${moved}; ${pass.remaining} still in D1`)
  after = pass.next
} while (after !== null)
for (const r of refused) console.error(`refused ${r.sourceId}: ${r.reason}`)
process.exit(refused.length > 0 ? 1 : 0)
