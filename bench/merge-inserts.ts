import { MAX_BOUND_PARAMETERS } from '../src/db/limits'

/** A statement as SQL text and its bound parameters (what drizzle's `toSQL()` gives). */
export interface RawStatement {
  sql: string
  params: unknown[]
}

interface Insert {
  key: string
  head: string
  tail: string
  rows: { tuple: string; params: unknown[] }[]
}

const INSERT = /^\s*insert\s+into\s+([\s\S]+?)\s+values\s*/i

/** `insert into t (…) values (…), (…) [on conflict …]` → head, row tuples and tail. */
function parseInsert(sql: string): Omit<Insert, 'rows'> & { tuples: string[] } {
  const match = INSERT.exec(sql)
  if (!match) throw new Error(`not an insert: ${sql}`)
  const tuples: string[] = []
  let depth = 0
  let start = 0
  let i = match[0].length
  for (; i < sql.length; i++) {
    const ch = sql[i]
    if (ch === "'")
      i = sql.indexOf("'", i + 1) // literals in default expressions
    else if (ch === '(' && depth++ === 0) start = i
    else if (ch === ')' && --depth === 0) tuples.push(sql.slice(start, i + 1))
    else if (depth === 0 && ch !== ',' && !/\s/.test(ch!)) break
  }
  const head = `insert into ${match[1]!.replace(/\s+/g, ' ')} values `
  const tail = sql.slice(i).trim()
  return { key: `${head}|${tail}`, head, tail, tuples }
}

const placeholders = (tuple: string) => tuple.replace(/'[^']*'/g, '').split('?').length - 1

/**
 * Merges the single-article INSERTs of many articles into multi-row INSERTs of at most 100 bound
 * parameters each. Tables keep the order in which they first appear, so parents (articles,
 * authors, tags, sources) are written before the rows that reference them.
 */
export function mergeInserts(statements: readonly RawStatement[]): RawStatement[] {
  const inserts = new Map<string, Insert>()
  for (const { sql, params } of statements) {
    const { key, head, tail, tuples } = parseInsert(sql)
    const insert = inserts.get(key) ?? { key, head, tail, rows: [] }
    inserts.set(key, insert)
    let offset = 0
    for (const tuple of tuples) {
      const count = placeholders(tuple)
      insert.rows.push({ tuple, params: params.slice(offset, offset + count) })
      offset += count
    }
    if (offset !== params.length) throw new Error(`placeholders ≠ parameters in: ${sql}`)
  }
  const merged: RawStatement[] = []
  for (const { head, tail, rows } of inserts.values()) {
    let tuples: string[] = []
    let params: unknown[] = []
    const flush = () => {
      if (tuples.length === 0) return
      merged.push({ sql: `${head}${tuples.join(', ')}${tail ? ` ${tail}` : ''}`, params })
      tuples = []
      params = []
    }
    for (const row of rows) {
      if (params.length + row.params.length > MAX_BOUND_PARAMETERS) flush()
      tuples.push(row.tuple)
      params.push(...row.params)
    }
    flush()
  }
  return merged
}
