import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { quietWranglerEnv } from '../scripts/wrangler-env'

export interface Bundle {
  /** The module wrangler wrote and its folder. */
  scriptPath: string
  modulesRoot: string
}

export interface Bundles {
  dir: string
  /** `src/index.ts` exactly as `wrangler deploy` would upload it. */
  app: Bundle
  /** `bench/floor-worker.ts`: the app plus bench-only routes (the storage floor, the row loader). */
  floor: Bundle
  compatibilityDate: string
  compatibilityFlags: string[]
}

async function wranglerBuild(root: string, outdir: string, entry?: string): Promise<Bundle> {
  const args = ['deploy', ...(entry ? [entry] : []), '--dry-run', '--outdir', outdir]
  const wrangler = resolve(root, 'node_modules/.bin/wrangler')
  const run = promisify(execFile)(wrangler, args, { cwd: root, env: quietWranglerEnv(root) })
  run.child.stdin?.end() // stdin is empty: wrangler never waits for a login
  await run.catch((error: { stdout?: string; stderr?: string }) => {
    throw new Error(`wrangler ${args.join(' ')} failed:\n${error.stdout}\n${error.stderr}`)
  })
  // Named after the entry: index.js, floor-worker.js.
  const script = readdirSync(outdir).find((name) => name.endsWith('.js'))
  if (!script) throw new Error(`wrangler wrote no .js file to ${outdir}`)
  return { scriptPath: join(outdir, script), modulesRoot: outdir }
}

/** Builds both bundles, side by side, into a temporary folder (`wrangler deploy --dry-run`). */
export async function buildBundles(root: string): Promise<Bundles> {
  const dir = mkdtempSync(join(tmpdir(), 'edge-articles-bench-'))
  const toml = readFileSync(resolve(root, 'wrangler.toml'), 'utf8')
  const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1]
  if (!date) throw new Error('wrangler.toml has no compatibility_date')
  const flags = /^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(toml)?.[1] ?? ''
  const [app, floor] = await Promise.all([
    wranglerBuild(root, join(dir, 'app')),
    wranglerBuild(root, join(dir, 'floor'), 'bench/floor-worker.ts'),
  ]).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true })
    throw error
  })
  return {
    dir,
    app,
    floor,
    compatibilityDate: date,
    compatibilityFlags: [...flags.matchAll(/"([^"]+)"/g)].map((m) => m[1]!),
  }
}
