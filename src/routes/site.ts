import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { settingsOf } from '../settings'
import type { Site } from '../views/site'

/** The site as pages see it: its name and its configured origin, never the request's host. */
export const siteOf = (c: Context<AppEnv>): Site => {
  const { siteName, siteOrigin } = settingsOf(c.env)
  return { name: siteName, origin: siteOrigin }
}
