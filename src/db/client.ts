import type { BatchItem } from 'drizzle-orm/batch'
import { drizzle } from 'drizzle-orm/d1'
import * as schema from './schema'

const make = (d1: D1Database) => drizzle(d1, { schema })
export type Db = ReturnType<typeof make>

const made = new WeakMap<D1Database, Db>()

/** The drizzle client of a D1 binding, made once per binding (a cached view never makes one). */
export function createDb(d1: D1Database): Db {
  let db = made.get(d1)
  if (!db) made.set(d1, (db = make(d1)))
  return db
}

/** One statement of a `db.batch()`: a write is a list of them, committed all or nothing. */
export type Statement = BatchItem<'sqlite'>
