import type { Context } from 'hono'
import type { Storage } from '../articles/storage'
import { createDb } from '../db/client'
import type { AppEnv } from '../env'

/** The storage a request's services work with. */
export const storageOf = (c: Context<AppEnv>): Storage => ({
  db: createDb(c.env.DB),
  originals: c.env.ORIGINALS,
})
