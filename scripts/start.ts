/**
 * `npm start`: the service on the real runtime (workerd via wrangler dev) with local D1, KV, R2
 * and Queues, migrations applied, every file in seeds/ uploaded through the public API as users
 * do, and the cron trigger fired every minute (wrangler dev fires none by itself).
 */
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { uploadFile } from './cli/api-client'
import { collectFiles } from './cli/files'
import { runCron } from './local-service/cron'
import { quietWranglerEnv } from './wrangler-env'

const root = resolve(import.meta.dirname, '..')
const port = Number(process.env.PORT ?? 8787)
const origin = `http://127.0.0.1:${port}`
const env = quietWranglerEnv(root)
const wrangler = resolve(root, 'node_modules/.bin/wrangler')

const devVars = resolve(root, '.dev.vars')
if (!existsSync(devVars)) {
  copyFileSync(resolve(root, '.dev.vars.example'), devVars)
  console.log('created .dev.vars from .dev.vars.example')
}
const token = /^INGEST_TOKEN=(.*)$/m.exec(readFileSync(devVars, 'utf8'))?.[1]?.trim() ?? ''

const migrate = spawnSync(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local'], {
  cwd: root,
  env,
  stdio: ['ignore', 'inherit', 'inherit'],
})
if (migrate.status !== 0) process.exit(migrate.status ?? 1)

const devArgs = ['dev', '--ip', '127.0.0.1', '--port', String(port)]
// Webhooks may go to http://127.0.0.1 under npm start (off in wrangler.toml, so off when deployed).
const vars = ['--var', `SITE_ORIGIN:${origin}`, '--var', 'WEBHOOK_ALLOW_LOCAL:true']
const dev = spawn(wrangler, [...devArgs, ...vars], {
  cwd: root,
  env,
  stdio: ['ignore', 'inherit', 'inherit'],
})
const cron = runCron(() => origin, 60_000, console.error)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cron.stop()
    dev.kill('SIGTERM')
  })
}
dev.on('exit', (code) => process.exit(code ?? 0))

await waitForHealth(`${origin}/healthz`, 60_000)
for (const file of collectFiles([resolve(root, 'seeds')])) {
  const r = await uploadFile(file, { origin, token, retries: 3 })
  console.log(
    `seed ${r.status.padEnd(9)} ${file} → ${r.status === 'failed' ? r.error : origin + r.url}`,
  )
}
console.log(`\nServing on ${origin}  (Ctrl-C to stop)`)

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  dev.kill('SIGTERM')
  throw new Error(`wrangler dev did not answer ${url} within ${timeoutMs} ms`)
}
