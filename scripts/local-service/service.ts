import { randomUUID } from 'node:crypto'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { quietWranglerEnv } from '../wrangler-env'
import { freePorts } from './free-port'
import { exitCode, signalGroup, spawnGroup, stopGroup } from './process-group'

const root = resolve(import.meta.dirname, '../..')
const wrangler = resolve(root, 'node_modules/.bin/wrangler')

export interface Service {
  origin: string
  token: string
  stop(): Promise<void>
}

export interface ServiceOptions {
  /** Where wrangler's output goes. */
  logFile: string
  /** A fixed port; by default a free one (and another if it is taken before wrangler binds). */
  port?: number
  timeoutMs?: number
}

/**
 * The real service as `npm start` runs it (wrangler dev, workerd, local D1 and KV), with fresh
 * state in a temporary folder and a token made up for this run. Used by the browser tests and by
 * `npm run load`.
 *
 * wrangler dev serves a bundle built first, exactly as `wrangler deploy` would upload it: served
 * from src/ it would rebuild and reload whenever someone saves a file there, under the tests' feet.
 * The migrations run before wrangler dev starts: run alongside it, they can lock the SQLite files
 * workerd opens at start.
 */
export async function startService({
  logFile,
  port: fixedPort,
  timeoutMs = 90_000,
}: ServiceOptions): Promise<Service> {
  const deadline = Date.now() + timeoutMs
  const token = `local-${randomUUID()}`
  const state = mkdtempSync(join(tmpdir(), 'edge-articles-'))
  const bundle = join(state, 'bundle')
  const log = createWriteStream(logFile)
  const tail: string[] = []
  const output = (chunk: Buffer) => {
    if (!log.writableEnded) log.write(chunk)
    tail.push(chunk.toString())
    if (tail.length > 40) tail.shift()
  }
  const children: ChildProcess[] = []
  const start = (args: string[]) => {
    const own: string[] = []
    const child = spawnGroup(wrangler, args, {
      cwd: root,
      env: quietWranglerEnv(root),
      output: (chunk) => {
        output(chunk)
        own.push(chunk.toString())
      },
    })
    children.push(child)
    return { child, said: (text: string) => own.join('').includes(text) }
  }
  // Last resort if the runner exits without teardown: no workerd may outlive the suite.
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
    const runs = Promise.all(steps.map((args) => exitCode(start(args).child)))
    const codes = await beforeDeadline(runs, deadline, 'wrangler build and migrations')
    const failed = codes.findIndex((code) => code !== 0)
    if (failed >= 0) {
      throw new Error(`wrangler ${steps[failed]?.join(' ')} exited with ${codes[failed]}`)
    }
    // A port can still be taken between our check and wrangler's bind: then try another.
    for (let attempt = 1; ; attempt++) {
      const [free, inspector] = await freePorts(2)
      const port = fixedPort ?? free
      const origin = `http://127.0.0.1:${port}`
      const { child: dev, said } = start([
        ...['dev', join(bundle, 'index.js'), '--no-bundle', '--config', 'wrangler.toml'],
        ...['--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector)],
        ...['--persist-to', state],
        ...['--var', `INGEST_TOKEN:${token}`, '--var', `SITE_ORIGIN:${origin}`],
        ...['--show-interactive-dev-session=false', '--log-level', 'warn'],
      ])
      const healthy = await waitForHealth(`${origin}/healthz`, dev, deadline)
      if (!healthy) {
        if (said('Address already in use') && attempt < 3 && !fixedPort) continue
        throw new Error(`wrangler dev exited with ${dev.exitCode}`)
      }
      return { origin, token, stop }
    }
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message}\n--- wrangler output (tail) ---\n${tail.join('')}`)
  }
}

/** True once /healthz answers `ok`; false if wrangler dev exits first; throws at the deadline. */
async function waitForHealth(url: string, dev: ChildProcess, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    if (dev.exitCode !== null || dev.signalCode !== null) return false
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (res.ok && (await res.text()) === 'ok') return true
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`wrangler dev did not answer ${url} in time`)
}

async function beforeDeadline<T>(promise: Promise<T>, deadline: number, what: string) {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out`)), deadline - Date.now())
  })
  try {
    return await Promise.race([promise, late])
  } finally {
    clearTimeout(timer)
  }
}
