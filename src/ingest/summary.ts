import type { Block } from '../model/article'
import { countWords } from './text-clean'

const SUMMARY_CHARS = 280

/** A block's words; a figure's caption is not the article's text (nor its summary). */
export function blockText(block: Block): string {
  if (block.type === 'figure') return ''
  return block.type === 'list' ? block.items.join(' ') : block.text
}

/** The first paragraph, cut at a word boundary to at most 280 characters (ellipsis included). */
export function summarize(body: Block[]): string {
  const first = body.find((b) => b.type === 'paragraph') ?? body.find((b) => b.type !== 'figure')
  const text = first ? blockText(first) : ''
  if (text.length <= SUMMARY_CHARS) return text
  const cut = text.slice(0, SUMMARY_CHARS)
  const space = cut.lastIndexOf(' ')
  const words =
    space > SUMMARY_CHARS / 2
      ? cut.slice(0, space)
      : cut.slice(0, SUMMARY_CHARS - 1).replace(/[\uD800-\uDBFF]$/, '')
  return `${words.replace(/[\s,;:.\-–—]+$/u, '')}…`
}

export const bodyWordCount = (body: Block[]): number =>
  body.reduce((sum, block) => sum + countWords(blockText(block)), 0)
