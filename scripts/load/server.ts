import { once } from 'node:events'
import { createServer } from 'node:net'
import { startService, type Service } from '../local-service/service'

export type Server = Service

/**
 * What `npm start` runs, on its own port with fresh state and a token made up for this run (see
 * scripts/local-service): the bundle is built first, so a file saved in src/ mid-run cannot
 * reload the worker under the load, and `--log-level warn` keeps per-request logging out of it.
 */
export async function startServer(port: number, logFile: string): Promise<Server> {
  if (!(await portFree(port))) {
    throw new Error(`127.0.0.1:${port} is in use: pass --port N, or --url to load that server`)
  }
  return startService({ logFile, port, timeoutMs: 120_000 })
}

async function portFree(port: number): Promise<boolean> {
  const server = createServer().listen(port, '127.0.0.1')
  try {
    await once(server, 'listening')
    return true
  } catch {
    return false
  } finally {
    server.close()
  }
}
