import { afterInvalidatingCommit, invalidate } from '../cache/invalidate'
import { scopesForArticle } from '../cache/scopes'
import { runBatch } from '../db/batch'
import type { Db, Statement } from '../db/client'
import {
  linkedArticles,
  nameRow,
  relink,
  retireSlug,
  unlinkedNames,
  unlinkRepeat,
  type LinkedArticle,
  type NameKind,
} from '../db/slug-redirects'
import { nameSlug } from '../ingest/name-slug'
import type { Named } from '../model/article'

export interface ReslugReport {
  /** Articles whose author or tag links moved to new slugs in this pass. */
  relinked: number
  /** Old slugs retired: no article links to them any more, and they redirect to their new slug. */
  retired: number
  /** Pass it back as `after`; null when the pass reached the end. */
  next: string | null
}

/** Changed articles written per batch: each batch is whole or not at all. */
const ARTICLES_PER_BATCH = 25
const KINDS = ['author', 'tag'] as const
const FIELD = { author: 'authors', tag: 'tags' } as const

/**
 * Gives stored authors and tags the slugs ingest makes now (`tag-1pgij4` → `東京`), `limit`
 * articles or names a pass. First every article, in id order: each link whose name (from the
 * article's current revision) has another slug now is moved to it, and the article's pages are
 * invalidated. Then every author and tag no article links to any more, in slug order: when its
 * name has another slug, which is live, the old slug redirects there. A pass can stop anywhere
 * and run again: each link moves only while it names the old slug.
 *
 * `after` is `articles:<id>`, `author:<slug>` or `tag:<slug>` (each phase from its start when
 * nothing follows the colon); null starts from the beginning.
 */
export async function reslug(db: Db, limit: number, after: string | null): Promise<ReslugReport> {
  const [phase, from] = splitCursor(after ?? 'articles:')
  if (phase === 'articles') {
    const rows = await linkedArticles(db, from, limit)
    const report = await relinkArticles(db, rows)
    const next = rows.length === limit ? `articles:${rows.at(-1)!.id}` : 'author:'
    return { ...report, next }
  }
  const rows = await unlinkedNames(db, phase, from, limit)
  const retired = await retireNames(db, phase, rows)
  const done = rows.length < limit
  const next = !done ? `${phase}:${rows.at(-1)!.slug}` : phase === 'author' ? 'tag:' : null
  return { relinked: 0, retired, next }
}

function splitCursor(cursor: string): ['articles' | NameKind, string] {
  const colon = cursor.indexOf(':')
  const phase = cursor.slice(0, colon)
  if (phase !== 'articles' && phase !== 'author' && phase !== 'tag') throw new RangeError(cursor)
  return [phase, cursor.slice(colon + 1)]
}

interface Move {
  kind: NameKind
  articleId: string
  position: number
  from: string
  to: string
  name: string
}

async function relinkArticles(db: Db, rows: LinkedArticle[]) {
  const changed = rows.flatMap((row) => {
    const moves = KINDS.flatMap((kind) => movesOf(row, kind))
    return moves.length > 0 ? [{ row, moves }] : []
  })
  let retired = 0
  for (let i = 0; i < changed.length; i += ARTICLES_PER_BATCH) {
    const batch = changed.slice(i, i + ARTICLES_PER_BATCH)
    const moves = batch.flatMap((c) => c.moves)
    const first = (key: (m: Move) => string) =>
      moves.filter((m, k) => moves.findIndex((o) => key(o) === key(m)) === k)
    const before = [
      ...first((m) => `${m.kind}:${m.to}`).map((m) => nameRow(db, m.kind, m.to, m.name)),
      ...moves.map((m) => relink(db, m.kind, m)),
      ...batch.flatMap((c) => repeats(db, c.row, c.moves)),
    ]
    const retiring = first((m) => `${m.kind}:${m.from}`).map((m) =>
      retireSlug(db, m.kind, m.from, m.to),
    )
    const scopes = batch.flatMap((c) => scopesOf(c.row, c.moves))
    const results = await runBatch(db, [...before, ...retiring.flat(), ...invalidate(db, scopes)])
    afterInvalidatingCommit()
    retired += countRetired(results.slice(before.length), retiring)
  }
  return { relinked: changed.length, retired }
}

/** The links of one kind whose name has another slug now. */
function movesOf(row: LinkedArticle, kind: NameKind): Move[] {
  const names = parse<Named[]>(row[FIELD[kind]]) ?? []
  return linksOf(row, kind).flatMap(([position, slug]) => {
    const name = names[position]?.name
    if (typeof name !== 'string') return []
    const to = nameSlug(name, kind)
    return to === slug ? [] : [{ kind, articleId: row.id, position, from: slug, to, name }]
  })
}

const linksOf = (row: LinkedArticle, kind: NameKind) =>
  (parse<[number, string][]>(kind === 'author' ? row.authorLinks : row.tagLinks) ?? []).sort(
    (a, b) => a[0] - b[0],
  )

/** Links that name a slug an earlier link of the article names, once moved: they go. */
function repeats(db: Db, row: LinkedArticle, moves: Move[]): Statement[] {
  return KINDS.flatMap((kind) => {
    const seen = new Set<string>()
    return afterMoves(row, kind, moves).flatMap(([position, slug]) => {
      if (seen.has(slug)) return [unlinkRepeat(db, kind, { articleId: row.id, position, slug })]
      seen.add(slug)
      return []
    })
  })
}

function afterMoves(row: LinkedArticle, kind: NameKind, moves: Move[]): [number, string][] {
  const moved = new Map(moves.filter((m) => m.kind === kind).map((m) => [m.position, m.to]))
  return linksOf(row, kind).map(([position, slug]) => [position, moved.get(position) ?? slug])
}

/** The pages the article is on before and after the move. */
function scopesOf(row: LinkedArticle, moves: Move[]): string[] {
  const month = row.sortKey.slice(0, 7)
  const links = (slugsOf: (kind: NameKind) => string[]) => ({
    authorSlugs: slugsOf('author'),
    tagSlugs: slugsOf('tag'),
    month,
  })
  const before = links((kind) => linksOf(row, kind).map(([, slug]) => slug))
  const after = links((kind) => afterMoves(row, kind, moves).map(([, slug]) => slug))
  return scopesForArticle(row.slug, [before, after])
}

async function retireNames(
  db: Db,
  kind: NameKind,
  rows: { slug: string; name: string }[],
): Promise<number> {
  const stale = rows.filter((r) => nameSlug(r.name, kind) !== r.slug)
  if (stale.length === 0) return 0
  const retiring = stale.map((r) => retireSlug(db, kind, r.slug, nameSlug(r.name, kind)))
  return countRetired(await runBatch(db, retiring.flat()), retiring)
}

/** Slugs retired by the retireSlug groups at the start of `results`: each one's row delete. */
function countRetired(results: unknown[], groups: Statement[][]): number {
  let retired = 0
  let at = 0
  for (const group of groups) {
    retired += (results[at + 1] as { meta?: { changes?: number } }).meta?.changes ?? 0
    at += group.length
  }
  return retired
}

const parse = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T))
