import { randomUUID } from 'node:crypto'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { quietWranglerEnv } from '../wrangler-env'
import { runCron } from './cron'
import { freePorts } from './free-port'
import { exitCode, signalGroup, spawnGroup, stopGroup } from './process-group'

const root = resolve(import.meta.dirname, '../..')
const wrangler = resolve(root, 'node_modules/.bin/wrangler')

export interface Service {
  origin: string
  token: string
  /**
   * Stops wrangler dev (SIGKILL to its process group: a crash, nothing flushed, the local
   * queue's messages lost) and starts it again on the same port and state.
   */
  restart(): Promise<void>
  stop(): Promise<void>
}

export interface ServiceOptions {
  /** Where wrangler's output goes. */
  logFile: string
  /** A fixed port; by default a free one (and another if it is taken before wrangler binds). */
  port?: number
  timeoutMs?: number
  /** More `--var`s for the worker (a shorter IMPORT_QUIET_SECONDS, say). */
  vars?: Record<string, string>
  /** How often the cron trigger fires (wrangler dev fires none by itself); 0 for never. */
  cronEveryMs?: number
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
  vars = {},
  cronEveryMs = 60_000,
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
  let cron: { stop(): void } | undefined
  const stop = async () => {
    cron?.stop()
    await Promise.all(children.map(stopGroup))
    process.off('exit', kill)
    log.end()
    rmSync(state, { recursive: true, force: true })
  }
  const varArgs = (origin: string) =>
    // Webhooks may go to a receiver on 127.0.0.1 here (wrangler.toml keeps it off for deploys).
    Object.entries({
      WEBHOOK_ALLOW_LOCAL: 'true',
      ...vars,
      INGEST_TOKEN: token,
      SITE_ORIGIN: origin,
    }).flatMap(([name, value]) => ['--var', `${name}:${value}`])
  /** wrangler dev on `port` with the bundle and state; false if it exits before it is healthy. */
  const serve = async (port: number, inspector: number, until: number) => {
    const origin = `http://127.0.0.1:${port}`
    const { child: dev, said } = start([
      ...['dev', join(bundle, 'index.js'), '--no-bundle', '--config', 'wrangler.toml'],
      ...['--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector)],
      ...['--persist-to', state],
      ...varArgs(origin),
      ...['--show-interactive-dev-session=false', '--log-level', 'warn'],
    ])
    const healthy = await waitForHealth(`${origin}/healthz`, dev, until)
    return { dev, origin, healthy, said }
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
      const { dev, origin, healthy, said } = await serve(fixedPort ?? free!, inspector!, deadline)
      if (!healthy) {
        if (said('Address already in use') && attempt < 3 && !fixedPort) continue
        throw new Error(`wrangler dev exited with ${dev.exitCode}`)
      }
      let current = dev
      if (cronEveryMs > 0)
        cron = runCron(
          () => origin,
          cronEveryMs,
          (m) => output(Buffer.from(`${m}\n`)),
        )
      const restart = async () => {
        signalGroup(current, 'SIGKILL')
        await stopGroup(current)
        const [inspectorAgain] = await freePorts(1)
        const again = await serve(
          Number(new URL(origin).port),
          inspectorAgain!,
          Date.now() + timeoutMs,
        )
        if (!again.healthy)
          throw new Error(`wrangler dev exited with ${again.dev.exitCode} on restart`)
        current = again.dev
      }
      return { origin, token, restart, stop }
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
