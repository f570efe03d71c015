import { createDb } from '../src/db/client'
import { newArticleStatements } from './article-statements'
import { archiveText, type Corpus } from './corpus'
import { mergeInserts, type RawStatement } from './merge-inserts'
import { prepareArticle } from './prepared-article'
import type { RunningWorker } from './worker'

export interface LoadStats {
  articles: number
  /** Merged multi-row INSERTs sent (≤ 100 bound parameters each). */
  statements: number
  seconds: number
}

/** Only builds SQL: drizzle never touches this client. */
const sqlOnly = createDb({} as D1Database)

/** Query builders have `toSQL()`, `db.run(sql…)` statements `getQuery()`. */
const toRaw = (statement: unknown): RawStatement => {
  const s = statement as { toSQL?: () => RawStatement; getQuery?: () => RawStatement }
  const query = s.toSQL?.() ?? s.getQuery?.()
  if (!query) throw new Error('a statement without toSQL() or getQuery()')
  return query
}

/** A new article has no rows yet: its batch's DELETEs (search index, children) remove nothing. */
const isDelete = (statement: RawStatement) => /^\s*delete\s/i.test(statement.sql)

/**
 * Stores `count` generated articles without HTTP: each is normalized in Node, turned into the
 * statements an upload would run (the app's own builders), merged across `chunk` articles into
 * multi-row INSERTs, and sent as one `db.batch()`. The next chunk is built while D1 writes this one.
 */
export async function loadArticles(
  worker: RunningWorker,
  corpus: Corpus,
  count: number,
  chunk: number,
  onStored: (slug: string) => void,
): Promise<LoadStats> {
  const started = performance.now()
  let statements = 0
  let inFlight: Promise<void> = Promise.resolve()
  for (let done = 0; done < count; done += chunk) {
    const raw: RawStatement[] = []
    const slugs: string[] = []
    for (let i = 0; i < Math.min(chunk, count - done); i++) {
      const item = prepareArticle('text', archiveText(corpus.next()))
      slugs.push(item.article.slug)
      for (const statement of newArticleStatements(sqlOnly, item).map(toRaw)) {
        if (!isDelete(statement)) raw.push(statement)
      }
    }
    const merged = mergeInserts(raw)
    statements += merged.length
    await inFlight
    inFlight = worker.runStatements(merged).then(() => slugs.forEach(onStored))
  }
  await inFlight
  return { articles: count, statements, seconds: (performance.now() - started) / 1000 }
}

/** Slugs of stored articles whose page nobody has requested yet: each is handed out once. */
export class UnreadPages {
  private slugs: string[] = []
  private index = 0

  add = (slug: string) => void this.slugs.push(slug)

  get remaining(): number {
    return this.slugs.length - this.index
  }

  next(): string {
    if (this.remaining === 0) throw new Error('no never-read article left')
    return this.slugs[this.index++]!
  }

  /** Any stored article, read or not: reading its rows again costs D1 the same. */
  sample(): string {
    if (this.slugs.length === 0) throw new Error('no article stored')
    return this.slugs[Math.floor(Math.random() * this.slugs.length)]!
  }
}
