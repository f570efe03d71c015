import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'
import { quietWranglerEnv } from '../scripts/wrangler-env'

const root = resolve(import.meta.dirname, '..')
const run = promisify(execFile)

it('has binding types generated from wrangler.toml that are up to date (npm run types)', async () => {
  const wrangler = resolve(root, 'node_modules/.bin/wrangler')
  const args = ['types', '--include-runtime=false', '--strict-vars=false', '--check']
  const result = await run(wrangler, args, { cwd: root, env: quietWranglerEnv(root) }).then(
    () => 'up to date',
    (error: { stderr: string; stdout: string }) => `${error.stdout}${error.stderr}`,
  )
  expect(result).toBe('up to date')
}, 60_000)
