import type { Context } from 'hono'
import type { Storage } from '../articles/storage'
import type { AppEnv } from '../env'
import { dbOf } from './d1-session'

/** The storage a request's services work with: D1 through the request's session, and R2. */
export const storageOf = (c: Context<AppEnv>): Storage => ({
  db: dbOf(c),
  originals: c.env.ORIGINALS,
})
