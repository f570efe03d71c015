import { parseArgs } from 'node:util'
import { devToken } from '../cli/dev-token'

export interface LoadOptions {
  /** A running server to load; null: start one of our own. */
  url: string | null
  token: string
  port: number
  seconds: number
  connections: number
  /** Simulated clients, each with its own CF-Connecting-IP (the write limit is per address). */
  clients: number
  /** Generated articles stored before the load, besides seeds/. */
  seedCount: number
}

const USAGE = `usage: npx tsx scripts/load/run.ts [--duration 60] [--connections 8] [--clients 64]
  [--seed-count 300] [--port 8788] [--url http://127.0.0.1:8787 [--token T]]`

export function loadOptions(argv: string[], root: string): LoadOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: '60' },
      connections: { type: 'string', default: '8' },
      clients: { type: 'string' },
      'seed-count': { type: 'string', default: '300' },
      port: { type: 'string', default: '8788' },
      url: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const connections = positive(values.connections, 'connections')
  return {
    url: values.url?.replace(/\/+$/, '') ?? null,
    token: values.token ?? devToken(),
    port: positive(values.port, 'port'),
    seconds: positive(values.duration, 'duration'),
    connections,
    clients: values.clients === undefined ? connections * 8 : positive(values.clients, 'clients'),
    seedCount: positive(values['seed-count'], 'seed-count'),
  }
}

function positive(value: string, name: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name}: expected a positive whole number, got ${value}\n${USAGE}`)
    process.exit(2)
  }
  return n
}
