import type { Block } from '../model/article'
import type {
  BlockChange,
  FieldChange,
  RevisionContent,
  RevisionDiff,
  RevisionMeta,
} from '../model/revisions'
import { align, diffWords, tokens } from './word-diff'

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

/** Past this many candidate pairs in one run of unmatched blocks, none are paired. */
const MAX_PAIRINGS = 10_000

/** A snapshot stored before a field existed lacks it: null, as the article reads it now. */
const valueOf = (article: RevisionContent, field: keyof RevisionContent): unknown =>
  article[field] ?? null

function fieldChanges(from: RevisionSide, to: RevisionSide): FieldChange[] {
  const changes: FieldChange[] = []
  const compare = (field: string, a: unknown, b: unknown, words: boolean) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return
    const change: FieldChange = { field, from: a, to: b }
    if (words && typeof a === 'string' && typeof b === 'string') change.words = diffWords(a, b)
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

/** The share of distinct words two texts have in common (Dice), 0 to 1. */
function similarity(a: Block, b: Block): number {
  const words = (block: Block) => new Set(tokens(textOf(block)).filter((t) => /\S/.test(t)))
  const x = words(a)
  const y = words(b)
  if (x.size + y.size === 0) return 1
  let shared = 0
  for (const word of x) if (y.has(word)) shared++
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
): BlockChange[] {
  const out: BlockChange[] = []
  const one = removed.length === 1 && added.length === 1
  const pairing = removed.length * added.length <= MAX_PAIRINGS
  let next = 0
  for (const r of removed) {
    const a = from[r]!
    let match = -1
    for (let q = next; pairing && q < added.length; q++) {
      const b = to[added[q]!]!
      if (kindOf(a) === kindOf(b) && (one || similarity(a, b) >= 0.5)) {
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
      words: diffWords(textOf(a), textOf(to[t]!)),
    })
  }
  for (; next < added.length; next++)
    out.push({ change: 'added', to: added[next]!, block: to[added[next]!]! })
  return out
}

export function diffBlocks(from: readonly Block[], to: readonly Block[]): BlockChange[] {
  const steps = align(
    from.map((b) => JSON.stringify(b)),
    to.map((b) => JSON.stringify(b)),
  )
  const out: BlockChange[] = []
  let removed: number[] = []
  let added: number[] = []
  for (const step of steps) {
    if (step.op === 'removed') removed.push(step.from)
    else if (step.op === 'added') added.push(step.to)
    else {
      out.push(...pairRun(removed, added, from, to))
      removed = []
      added = []
      out.push({ change: 'unchanged', from: step.from, to: step.to })
    }
  }
  out.push(...pairRun(removed, added, from, to))
  return out
}

export function diffRevisions(slug: string, from: RevisionSide, to: RevisionSide): RevisionDiff {
  return {
    slug,
    from: from.meta,
    to: to.meta,
    fields: fieldChanges(from, to),
    body: diffBlocks(from.article.body, to.article.body),
  }
}
