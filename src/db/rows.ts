import { getTableColumns, getTableName } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db, Statement } from './client'

type Row<T extends SQLiteTable> = T['$inferInsert']
/** A row to insert: each value as drizzle takes it, or SQL that makes it (see SqlValue). */
type Cells<T extends SQLiteTable> = { [K in keyof Row<T>]: Row<T>[K] | SqlValue }
type Key<T extends SQLiteTable> = keyof Row<T> & string

/** What an insert does when a row's key is taken: nothing, or update these columns (when). */
export type OnConflict<T extends SQLiteTable> =
  | { nothing: true }
  | { target: Key<T>[]; update: Key<T>[]; where?: { column: Key<T>; equals: string } }

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * An INSERT of rows (all with the same keys) built straight from the drizzle table: its SQL
 * names and its columns' own value encoders, so the schema stays the one source of truth. It
 * runs in `db.batch()` like any drizzle statement. drizzle's builder renders a statement chunk by
 * chunk, asking each bound value's class about a dozen times what it is; for the merged inserts
 * of a grouped write that cost more CPU than D1 spent running them. Columns a row leaves out
 * take their SQL default, as with drizzle. A null is written as NULL rather than bound, so more
 * rows fit under D1's parameter limit (boundParameters counts what a row binds). `returning`
 * names columns the insert answers for each row it inserts.
 */
export function insertRows<T extends SQLiteTable>(
  db: Db,
  table: T,
  rows: readonly Cells<T>[],
  onConflict?: OnConflict<T>,
  returning?: Key<T>[],
): Statement {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>
  const tableName = quote(getTableName(table))
  const keys = [
    ...new Set(
      rows.flatMap((row) => Object.keys(row).filter((k) => row[k as Key<T>] !== undefined)),
    ),
  ]
  const names = keys.map((key) => {
    const column = columns[key]
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`)
    return quote(column.name)
  })
  const params: unknown[] = []
  const tuples = rows.map((row) => {
    const cells = keys.map((key) => {
      const value = (row as Record<string, unknown>)[key]
      if (value === undefined) throw new Error(`a row of ${getTableName(table)} lacks ${key}`)
      if (value instanceof SqlValue) {
        params.push(...value.params)
        return value.sql
      }
      if (value === null) return 'NULL'
      params.push(columns[key]!.mapToDriverValue(value))
      return '?'
    })
    return `(${cells.join(', ')})`
  })
  let text = `insert into ${tableName} (${names.join(', ')}) values ${tuples.join(', ')}`
  if (onConflict && 'nothing' in onConflict) text += ' on conflict do nothing'
  else if (onConflict) {
    const name = (key: string) => quote(columns[key]!.name)
    const set = onConflict.update.map((key) => `${name(key)} = excluded.${name(key)}`)
    text += ` on conflict (${onConflict.target.map(name).join(', ')}) do update set ${set.join(', ')}`
    if (onConflict.where) {
      text += ` where ${tableName}.${name(onConflict.where.column)} = ?`
      params.push(onConflict.where.equals)
    }
  }
  if (returning)
    text += ` returning ${returning.map((key) => quote(columns[key]!.name)).join(', ')}`
  return rawStatement(db, text, params)
}

/** The parameters a row binds in insertRows. */
export function boundParameters(row: object): number {
  let count = 0
  for (const value of Object.values(row)) {
    if (value instanceof SqlValue) count += value.params.length
    else if (value !== null && value !== undefined) count++
  }
  return count
}

/** A cell given as SQL with its own parameters (a subquery choosing the value as it inserts). */
export class SqlValue {
  constructor(
    readonly sql: string,
    readonly params: unknown[],
  ) {}
}

/**
 * A statement for `db.batch()` from SQL and its parameters: what drizzle's batch asks of a query
 * (a prepared D1 statement, the query, and its result as a `run` gives it), and `toSQL()` as
 * drizzle's queries have it.
 */
function rawStatement(db: Db, sql: string, params: unknown[]): Statement {
  const client = db.$client
  const query = { sql, params }
  return {
    toSQL: () => query,
    _prepare: () => ({
      stmt: client.prepare(sql),
      getQuery: () => query,
      mapResult: (result: unknown) => result,
    }),
  } as unknown as Statement
}
