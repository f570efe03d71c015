import type { ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePorts } from '../../tests/e2e/free-port'
import { exitCode, signalGroup, spawnGroup, stopGroup } from '../../tests/e2e/process-group'
import { quietWranglerEnv } from '../wrangler-env'

export interface Server {
  origin: string
  token: string
  stop(): Promise<void>
}

/**
 * What `npm start` runs (migrations, then wrangler dev on workerd with local D1 and KV), on its own
 * port, with fresh state in a temporary folder and a token made up for this run. As in the e2e
 * suite, wrangler dev serves a bundle built first, so a file saved in src/ mid-run cannot reload
 * the worker under the load; `--log-level warn` keeps per-request logging out of the figures.
 */
export async function startServer(root: string, port: number, logFile: string): Promise<Server> {
  if (!(await portFree(port))) {
    throw new Error(`127.0.0.1:${port} is in use: pass --port N, or --url to load that server`)
  }
  const state = mkdtempSync(join(tmpdir(), 'edge-articles-load-'))
  const bundle = join(state, 'bundle')
  const token = `load-${randomUUID()}`
  const log = createWriteStream(logFile)
  const children: ChildProcess[] = []
  const start = (args: string[]) => {
    const child = spawnGroup(resolve(root, 'node_modules/.bin/wrangler'), args, {
      cwd: root,
      env: quietWranglerEnv(root),
      output: (chunk) => log.writableEnded || log.write(chunk),
    })
    children.push(child)
    return child
  }
  const kill = () => {
    for (const child of children) signalGroup(child, 'SIGKILL')
    rmSync(state, { recursive: true, force: true })
  }
  process.once('exit', kill)
  const stop = async () => {
    await Promise.all(children.map(stopGroup))
    process.off('exit', kill)
    log.end()
    rmSync(state, { recursive: true, force: true })
  }

  try {
    const steps = [
      ['deploy', '--dry-run', '--outdir', bundle],
      ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state],
    ]
    const codes = await Promise.all(steps.map((args) => exitCode(start(args))))
    const failed = codes.findIndex((code) => code !== 0)
    if (failed >= 0)
      throw new Error(`wrangler ${steps[failed]?.join(' ')} exited with ${codes[failed]}`)
    const [inspector] = await freePorts(1)
    const origin = `http://127.0.0.1:${port}`
    const dev = start([
      ...['dev', join(bundle, 'index.js'), '--no-bundle', '--config', 'wrangler.toml'],
      ...['--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector)],
      ...['--persist-to', state, '--var', `INGEST_TOKEN:${token}`],
      ...['--show-interactive-dev-session=false', '--log-level', 'warn'],
    ])
    await waitForHealth(`${origin}/healthz`, dev, Date.now() + 120_000)
    return { origin, token, stop }
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message} (wrangler output: ${logFile})`)
  }
}

async function waitForHealth(url: string, dev: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (dev.exitCode !== null || dev.signalCode !== null) {
      throw new Error(`wrangler dev exited with ${dev.exitCode ?? dev.signalCode}`)
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (res.ok && (await res.text()) === 'ok') return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`wrangler dev did not answer ${url} in time`)
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
