import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'

/**
 * Distinct ports that are free now, taken below the ephemeral range: the ports the OS hands out
 * for `listen(0)` (workerd, Chromium, other test runs) come from that range and could be given to
 * someone else between our check and wrangler's bind.
 */
export async function freePorts(count: number): Promise<number[]> {
  const low = ephemeralStart()
  const held: Server[] = []
  try {
    for (let attempt = 0; held.length < count && attempt < 100; attempt++) {
      const server = await listen(20_000 + Math.floor(Math.random() * (low - 20_000)))
      if (server) held.push(server)
    }
    if (held.length < count) throw new Error('no free ports found below the ephemeral range')
    return held.map((server) => (server.address() as { port: number }).port)
  } finally {
    await Promise.all(held.map((server) => new Promise((r) => server.close(r))))
  }
}

function ephemeralStart(): number {
  try {
    const range = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
    const low = Number(range.split(/\s+/)[0])
    return low > 21_000 ? low : 32_768
  } catch {
    return 32_768
  }
}

async function listen(port: number): Promise<Server | null> {
  const server = createServer()
  server.listen(port, '127.0.0.1')
  try {
    await once(server, 'listening') // rejects when the port is taken
    return server
  } catch {
    server.close()
    return null
  }
}
