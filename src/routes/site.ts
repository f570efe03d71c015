import type { Context } from 'hono'
import type { AppEnv } from '../env'
import type { Site } from '../views/site'

export const siteOf = (c: Context<AppEnv>): Site => ({
  name: c.env.SITE_NAME || 'Edge Articles',
  origin: new URL(c.req.url).origin,
})
