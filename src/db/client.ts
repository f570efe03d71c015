import type { BatchItem } from 'drizzle-orm/batch'
import { drizzle } from 'drizzle-orm/d1'

// No `{ schema }`: nothing uses drizzle's relational queries (`db.query.*`), and extracting their
// config from the schema on every construction would cost each request that makes a session.
// drizzle's D1 driver calls only prepare and batch, which a session has as the binding does.
const make = (client: D1Database | D1DatabaseSession) => drizzle(client as D1Database)
export type Db = ReturnType<typeof make>

const made = new WeakMap<D1Database, Db>()

/**
 * The drizzle client of a D1 binding, made once per binding: every query goes to the primary.
 * For the queue, the cron sweeper and tests; HTTP requests read through a session (sessionDb).
 */
export function createDb(d1: D1Database): Db {
  let db = made.get(d1)
  if (!db) made.set(d1, (db = make(d1)))
  return db
}

/** A drizzle client over one D1 session (read replicas): one per request that reads D1. */
export const sessionDb = (session: D1DatabaseSession): Db => make(session)

/** One statement of a `db.batch()`: a write is a list of them, committed all or nothing. */
export type Statement = BatchItem<'sqlite'>
