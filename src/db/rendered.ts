import { is, Param, Placeholder, sql } from 'drizzle-orm'
import { createDb, type Db, type Statement } from './client'

/**
 * Queries drizzle renders to SQL once an isolate, with `sql.placeholder(...)` where their values
 * go, then run straight on D1 and mapped by drizzle's own row mapping. drizzle's builder renders
 * a statement chunk by chunk on every call, asking each value's class what it is; for the small
 * reads of an upload or a first view that costs more CPU than D1 takes to run them.
 */

/** What a query builder gives once prepared: its SQL and parameters, and how it maps results. */
interface Prepared {
  getQuery(): { sql: string; params: unknown[] }
  mapAllResult(rows: unknown, isFromBatch?: boolean): unknown
  mapResult(response: unknown, isFromBatch?: boolean): unknown
}
interface Builder {
  prepare(): Prepared
}

/** Rows of a query builder, as its `all()` gives them (none for a write without `returning`). */
export type RowOf<Q> = Q extends { all(): Promise<(infer Row)[]> } ? Row : never

/** A statement for `db.batch()`, with its SQL and parameters as drizzle's `toSQL()` gives them. */
export type RenderedStatement = Statement & { toSQL(): { sql: string; params: unknown[] } }

/** Placeholder values by name. */
export type Values = Record<string, unknown>

/** A query rendered once: run it alone, or put it in a `db.batch()`. */
export interface Rendered<Row> {
  all(db: Db, values?: Values): Promise<Row[]>
  get(db: Db, values?: Values): Promise<Row | undefined>
  /** A write on its own: D1's result. */
  run(db: Db, values?: Values): Promise<D1Result>
  /**
   * For `db.batch()`: its result is what `rowsOf` reads (a statement without rows: D1's result).
   * A batch's rows come back keyed by column name, so its columns need names of their own.
   */
  statement(db: Db, values?: Values): RenderedStatement
  /** The rows of this query's result in a batch. */
  rowsOf(result: unknown): Row[]
}

// Only rendered, never run: a client that prepares nothing.
const renderer = createDb({ prepare: () => null } as unknown as D1Database)

function render<Row>(query: Builder): Rendered<Row> {
  const prepared = query.prepare()
  const { sql: text, params } = prepared.getQuery()
  const fill = filler(params)
  const all = async (db: Db, values?: Values) => {
    const rows = await db.$client
      .prepare(text)
      .bind(...fill(values))
      .raw()
    return prepared.mapAllResult(rows) as Row[]
  }
  return {
    all,
    get: async (db, values) => (await all(db, values))[0],
    run: (db, values) =>
      db.$client
        .prepare(text)
        .bind(...fill(values))
        .run(),
    statement(db, values) {
      const query = { sql: text, params: fill(values) }
      // What drizzle's batch asks of a statement (see rawStatement in rows.ts).
      return {
        toSQL: () => query,
        _prepare: () => ({
          stmt: db.$client.prepare(text),
          getQuery: () => query,
          mapResult: (result: unknown) => prepared.mapResult(result, true),
        }),
      } as unknown as RenderedStatement
    },
    rowsOf: (result) => result as Row[],
  }
}

/**
 * drizzle's fillPlaceholders, with what each parameter is worked out once: asking a value's class
 * what it is walks its prototypes, on every parameter of every run.
 */
function filler(params: unknown[]): (values?: Values) => unknown[] {
  const slots = params.map((param) => {
    if (is(param, Placeholder)) return { name: param.name }
    if (is(param, Param) && is(param.value, Placeholder)) {
      return { name: param.value.name, encoder: param.encoder }
    }
    return { value: param }
  })
  return (values = {}) =>
    slots.map((slot) => {
      if ('value' in slot) return slot.value
      if (!(slot.name in values))
        throw new Error(`No value for placeholder "${slot.name}" was provided`)
      const value = values[slot.name]
      return slot.encoder ? slot.encoder.mapToDriverValue(value) : value
    })
}

/** A query with a fixed shape, rendered the first time it is used. */
export function rendered<Q extends Builder>(build: (db: Db) => Q): Rendered<RowOf<Q>> {
  let made: Rendered<RowOf<Q>> | undefined
  const once = () => (made ??= render<RowOf<Q>>(build(renderer)))
  return {
    all: (db, values) => once().all(db, values),
    get: (db, values) => once().get(db, values),
    run: (db, values) => once().run(db, values),
    statement: (db, values) => once().statement(db, values),
    rowsOf: (result) => result as RowOf<Q>[],
  }
}

/** Renderings kept per query for lists of different lengths; past it, one is rendered per use. */
const MAX_VARIANTS = 128

const listName = (list: number, item: number) => `list${list}.${item}`

/**
 * A query over lists of values (`inArray`), rendered once for each combination of list lengths
 * it is used with: `build` gets a placeholder per item of each list.
 */
export function renderedWithLists<Q extends Builder>(
  build: (db: Db, ...lists: Placeholder[][]) => Q,
) {
  type Row = RowOf<Q>
  const variants = new Map<string, Rendered<Row>>()
  function variant(lists: readonly (readonly unknown[])[]): Rendered<Row> {
    const key = lists.map((l) => l.length).join(',')
    const known = variants.get(key)
    if (known) return known
    const placeholders = lists.map((l, i) => l.map((_, j) => sql.placeholder(listName(i, j))))
    const made = render<Row>(build(renderer, ...placeholders))
    if (variants.size < MAX_VARIANTS) variants.set(key, made)
    return made
  }
  const valuesOf = (lists: readonly (readonly unknown[])[], values?: Values) => {
    const all: Values = { ...values }
    lists.forEach((l, i) => l.forEach((value, j) => (all[listName(i, j)] = value)))
    return all
  }
  return {
    all: (db: Db, lists: readonly (readonly unknown[])[], values?: Values) =>
      variant(lists).all(db, valuesOf(lists, values)),
    get: (db: Db, lists: readonly (readonly unknown[])[], values?: Values) =>
      variant(lists).get(db, valuesOf(lists, values)),
    run: (db: Db, lists: readonly (readonly unknown[])[], values?: Values) =>
      variant(lists).run(db, valuesOf(lists, values)),
    statement: (db: Db, lists: readonly (readonly unknown[])[], values?: Values) =>
      variant(lists).statement(db, valuesOf(lists, values)),
    rowsOf: (result: unknown) => result as Row[],
  }
}
