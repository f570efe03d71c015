import type { Block } from '../model/article'
import type {
  BlockChange,
  FieldChange,
  RevisionContent,
  RevisionDiff,
  RevisionMeta,
} from '../model/revisions'
import { align, diffWords, tokens, type Budget } from './word-diff'

/**
 * The diff of two revisions, pure: the fields beside the body compared whole, the body's blocks
 * aligned (an LCS over whole blocks), and within each run of unmatched blocks the ones that are
 * edits of each other paired and diffed word by word.
 */

export interface RevisionSide {
  meta: RevisionMeta
  article: RevisionContent
}

/** Fields compared whole, in the order a diff lists them; the first five also get a word diff. */
const TEXT_FIELDS = ['title', 'headline', 'kicker', 'dateline', 'summary'] as const
const OTHER_FIELDS = [
  'authors',
  'tags',
  'related',
  'notices',
  'captions',
  'image',
  'publishedAt',
  'modifiedAt',
  'siteName',
  'language',
  'slug',
  'sourceUrl',
] as const

/**
 * What one diff may spend, in LCS cells and words compared, over every comparison it makes: tens
 * of milliseconds. One table is also held to MAX_CELLS, so one long paragraph cannot leave every
 * other unmarked. What the budget cannot pay for is reported removed and added, never wrong.
 */
const DIFF_CELLS = 2_000_000

/** A snapshot stored before a field existed lacks it: null, as the article reads it now. */
const valueOf = (article: RevisionContent, field: keyof RevisionContent): unknown =>
  article[field] ?? null

function fieldChanges(from: RevisionSide, to: RevisionSide, budget: Budget): FieldChange[] {
  const changes: FieldChange[] = []
  const compare = (field: string, a: unknown, b: unknown, words: boolean) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return
    const change: FieldChange = { field, from: a, to: b }
    if (words && typeof a === 'string' && typeof b === 'string') {
      change.words = diffWords(a, b, budget)
    }
    changes.push(change)
  }
  for (const field of TEXT_FIELDS) {
    compare(field, valueOf(from.article, field), valueOf(to.article, field), true)
  }
  for (const field of OTHER_FIELDS) {
    compare(field, valueOf(from.article, field), valueOf(to.article, field), false)
  }
  compare('status', from.meta.status, to.meta.status, false)
  compare('publishAt', from.meta.publishAt, to.meta.publishAt, false)
  return changes
}

/** A block's kind: blocks of different kinds are never one edited block. */
const kindOf = (block: Block) =>
  block.type === 'heading'
    ? `heading${block.level}`
    : block.type === 'list'
      ? `list${block.ordered}`
      : block.type

/** The text a word diff compares: a list's items one per line. */
const textOf = (block: Block) => (block.type === 'list' ? block.items.join('\n') : block.text)

/** Distinct words of a block. */
const wordsOf = (block: Block) => new Set(tokens(textOf(block)).filter((t) => /\S/.test(t)))

/** The share of distinct words two sets have in common (Dice), 0 to 1; 0 once over budget. */
function similarity(x: Set<string>, y: Set<string>, budget: Budget): number {
  if (x.size + y.size === 0) return 1
  const [small, large] = x.size <= y.size ? [x, y] : [y, x]
  if (small.size > budget.cells) return 0
  budget.cells -= small.size
  let shared = 0
  for (const word of small) if (large.has(word)) shared++
  return (2 * shared) / (x.size + y.size)
}

/**
 * A run of removed and added blocks between two unchanged ones, in reading order: each removed
 * block is paired with the first later added block of its kind that shares half its words (or
 * with the only added block, when one replaced one), and the pair is diffed word by word.
 */
function pairRun(
  removed: number[],
  added: number[],
  from: readonly Block[],
  to: readonly Block[],
  budget: Budget,
): BlockChange[] {
  const out: BlockChange[] = []
  const one = removed.length === 1 && added.length === 1
  const words = new Map<number, Set<string>>()
  const wordsAt = (q: number) => words.get(q) ?? words.set(q, wordsOf(to[added[q]!]!)).get(q)!
  let next = 0
  for (const r of removed) {
    const a = from[r]!
    const own = one ? null : wordsOf(a)
    let match = -1
    for (let q = next; q < added.length; q++) {
      const b = to[added[q]!]!
      if (kindOf(a) === kindOf(b) && (!own || similarity(own, wordsAt(q), budget) >= 0.5)) {
        match = q
        break
      }
    }
    if (match === -1) {
      out.push({ change: 'removed', from: r, block: a })
      continue
    }
    for (; next < match; next++)
      out.push({ change: 'added', to: added[next]!, block: to[added[next]!]! })
    const t = added[next++]!
    out.push({
      change: 'changed',
      from: r,
      to: t,
      type: a.type,
      words: diffWords(textOf(a), textOf(to[t]!), budget),
    })
  }
  for (; next < added.length; next++)
    out.push({ change: 'added', to: added[next]!, block: to[added[next]!]! })
  return out
}

export function diffBlocks(
  from: readonly Block[],
  to: readonly Block[],
  budget: Budget = { cells: DIFF_CELLS },
): BlockChange[] {
  const steps = align(
    from.map((b) => JSON.stringify(b)),
    to.map((b) => JSON.stringify(b)),
    budget,
  )
  const out: BlockChange[] = []
  let removed: number[] = []
  let added: number[] = []
  for (const step of steps) {
    if (step.op === 'removed') removed.push(step.from)
    else if (step.op === 'added') added.push(step.to)
    else {
      out.push(...pairRun(removed, added, from, to, budget))
      removed = []
      added = []
      out.push({ change: 'unchanged', from: step.from, to: step.to })
    }
  }
  out.push(...pairRun(removed, added, from, to, budget))
  return out
}

export function diffRevisions(slug: string, from: RevisionSide, to: RevisionSide): RevisionDiff {
  const budget = { cells: DIFF_CELLS }
  return {
    slug,
    from: from.meta,
    to: to.meta,
    fields: fieldChanges(from, to, budget),
    body: diffBlocks(from.article.body, to.article.body, budget),
  }
}
