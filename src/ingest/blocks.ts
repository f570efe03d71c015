import { parseByline } from './byline'
import { isCaption } from './caption'
import { overLimit } from './errors'
import { LIMITS } from './limits'
import { parseLabel } from './related'
import { collapseSpaces, normalizeText } from './text-clean'
import { parseTimestamp } from './timestamp'

export const ARCHIVE_NOTICE = /^This (?:article|post) was originally (?:published )?on a blog/i

// Body paragraphs plus every kind of non-body block at its own limit: more cannot be stored.
const MAX_BLOCKS = LIMITS.paragraphs + 4 * LIMITS.listItems

export interface Blocks {
  title: string | null
  blocks: string[]
}

/**
 * The first non-blank line is the title; blank lines separate the blocks after it. Lines inside a
 * block are joined, except that a byline, label, notice or caption line starts a block of its own.
 * A file whose lines mostly end a sentence, with hardly any blank lines, has one paragraph a line.
 */
export function splitBlocks(text: string): Blocks {
  const lines = normalizeText(text).split('\n').map(collapseSpaces)
  const first = lines.findIndex((line) => line !== '')
  if (first < 0) return { title: null, blocks: [] }
  const groups: string[][] = []
  let open = false
  for (const line of lines.slice(first + 1)) {
    if (line === '') open = false
    else if (open) groups.at(-1)?.push(line)
    else {
      groups.push([line])
      open = true
    }
  }
  const blocks: string[] = []
  const perLine = onePerLine(groups)
  for (const group of groups) {
    const parts = perLine || group.length === 1 ? group : splitGroup(group)
    // Not `push(...parts)`: a group of a hundred thousand lines is too many arguments.
    for (const part of parts) blocks.push(part)
    if (blocks.length > MAX_BLOCKS) throw overLimit('body', `${MAX_BLOCKS} blocks`)
  }
  return { title: lines[first] ?? null, blocks }
}

function onePerLine(groups: string[][]): boolean {
  if (groups.length >= 3) return false
  const lines = groups.flat()
  const ended = lines.filter((line) => /[.?!:"”’)]$/.test(line)).length
  return lines.length > groups.length + 2 && ended >= lines.length * 0.6
}

/** Joins a group's lines, starting a new block at each special line; lines after a label are a list. */
function splitGroup(group: string[]): string[] {
  const blocks: string[] = []
  let current: string[] = []
  let inList = false
  const flush = () => {
    if (current.length > 0) blocks.push(current.join(' '))
    current = []
  }
  for (const line of group) {
    const kind = lineKind(line)
    if (inList || kind) flush()
    current.push(line)
    if (kind === 'alone' || kind === 'label') flush()
    if (kind === 'label') inList = true
  }
  flush()
  return blocks
}

function lineKind(line: string): 'alone' | 'label' | 'starts' | null {
  if (parseLabel(line)) return 'label'
  if (parseByline(line) || parseTimestamp(line)) return 'alone'
  if (ARCHIVE_NOTICE.test(line) || isCaption(line)) return 'starts'
  return null
}
