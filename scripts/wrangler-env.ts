import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * Keeps wrangler and miniflare from calling home (metrics, update checks, cf.json): offline that
 * only costs warnings and seconds. Config and logs go to a git-ignored folder of the project.
 */
export function quietWranglerEnv(root: string): NodeJS.ProcessEnv {
  const xdg = resolve(root, '.xdg')
  mkdirSync(xdg, { recursive: true })
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_HIDE_BANNER: 'true',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME ?? xdg,
  }
}
