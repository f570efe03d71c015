import { env } from 'cloudflare:test'

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Every row of every table, by table, in a stable order. */
async function d1Dump(): Promise<Record<string, string>> {
  const schema = await env.DB.prepare(
    "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE '\\_cf\\_%' ESCAPE '\\' ORDER BY type, name",
  ).all<{ type: string; name: string; sql: string | null }>()
  const tables = schema.results.filter((t) => t.type === 'table')
  const statements = await Promise.all(
    tables.map(async ({ name, sql }) => {
      // WITHOUT ROWID tables (two of FTS5's shadow tables) are ordered by their primary key.
      let order = 'rowid'
      if (/WITHOUT ROWID/i.test(sql ?? '')) {
        const keys = await env.DB.prepare(
          'SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk',
        )
          .bind(name)
          .all<{ name: string }>()
        order = keys.results.map((k) => `"${k.name}"`).join(', ')
      }
      return env.DB.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`)
    }),
  )
  const rows = await env.DB.batch(statements)
  return Object.fromEntries([
    ['d1:sqlite_master', JSON.stringify(schema.results)],
    ...tables.map(({ name }, i) => [`d1:${name}`, JSON.stringify(rows[i]!.results)]),
  ])
}

/** Every key, with its expiration, metadata and the SHA-256 of its value's bytes. */
async function kvDump(): Promise<Record<string, string>> {
  const keys: KVNamespaceListKey<unknown>[] = []
  let cursor: string | undefined
  do {
    const page = await env.PAGES.list(cursor ? { cursor } : {})
    keys.push(...page.keys)
    cursor = page.list_complete ? undefined : page.cursor
  } while (cursor)
  const entries = await Promise.all(
    keys.map(async (key) => {
      const { value, metadata } = await env.PAGES.getWithMetadata(key.name, 'arrayBuffer')
      const described = {
        expiration: key.expiration,
        metadata,
        bytes: value?.byteLength,
        sha256: value && (await sha256Hex(value)),
      }
      return [`kv:${key.name}`, JSON.stringify(described)]
    }),
  )
  return Object.fromEntries(entries)
}

/**
 * D1 and KV as one record of strings, so a difference names the table or key. Included: the schema
 * itself, d1_migrations, sqlite_sequence and FTS5's shadow tables (`article_search_data`, `_idx`,
 * `_content`, `_docsize`, `_config`) byte for byte (blobs come back as arrays of their bytes), and
 * the FTS5 table itself. Excluded: D1's own `_cf_*` tables, which D1 refuses to read (SQLITE_AUTH)
 * and which no statement of the app can write.
 */
export async function storageDump(): Promise<Record<string, string>> {
  const [d1, kv, r2] = await Promise.all([d1Dump(), kvDump(), r2Dump()])
  return { ...d1, ...kv, ...r2 }
}

/** Every R2 object: its size and checksum. */
async function r2Dump(): Promise<Record<string, string>> {
  const { objects } = await env.ORIGINALS.list()
  return Object.fromEntries(
    objects.map((o) => [`r2:${o.key}`, JSON.stringify({ size: o.size, etag: o.etag })]),
  )
}
