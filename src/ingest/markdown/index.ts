import type { Token } from 'marked'
import type { Block, NormalizedArticle } from '../../model/article'
import { splitDateline } from '../dateline'
import { IngestError } from '../errors'
import { finalize } from '../finalize'
import type { UploadMeta } from '../meta'
import { cleanInline } from '../text-clean'
import { readBody } from './body'
import { readFields } from './front-matter-fields'
import { readFrontMatter, splitFrontMatter } from './front-matter'
import { readPublication } from './front-matter-publication'
import { lexMarkdown } from './lex'

/**
 * Markdown (CommonMark + GFM) with optional YAML front matter (text/markdown). The front matter
 * gives the fields, and may ask for a status; the first `#` heading is the title when it names
 * none. Query-string `meta` fills only what the file lacks.
 */
export function parseMarkdownArticle(text: string, meta: UploadMeta): NormalizedArticle {
  const { yaml, markdown } = splitFrontMatter(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))
  const data = yaml === null ? {} : readFrontMatter(yaml)
  const fields = readFields(data, meta.sourceUrl ?? null)
  const publication = readPublication(data)
  const sourceUrl = fields.sourceUrl ?? meta.sourceUrl ?? null
  const body = readBody(lex(markdown), fields.title, sourceUrl)
  const lead = fields.dateline === undefined ? takeDateline(body.blocks) : null
  const article = finalize({
    ...fields,
    title: fields.title ?? body.title,
    dateline: fields.dateline ?? lead,
    body: body.blocks,
    captions: [...fields.captions, ...body.captions],
    publishedAt: fields.publishedAt ?? meta.publishedAt ?? null,
    sourceUrl,
    image: fields.image ?? body.image,
  })
  return publication ? { ...article, publication } : article
}

function lex(markdown: string): Token[] {
  try {
    return lexMarkdown(markdown)
  } catch (error) {
    if (error instanceof IngestError) throw error
    // marked's own guard against a tokenizer that stops advancing, or an exhausted stack.
    const detail = error instanceof Error ? `: ${error.message}` : ''
    throw new IngestError(422, 'unreadable_markdown', `the Markdown could not be read${detail}`)
  }
}

/** As in archive text, a first paragraph may open with its dateline (`ISLAMABAD, PAKISTAN --`). */
function takeDateline(blocks: Block[]): string | null {
  const at = blocks.findIndex((b) => b.type !== 'paragraph' || cleanInline(b.text) !== '')
  const first = blocks[at]
  if (first?.type !== 'paragraph') return null
  const { dateline, text } = splitDateline(cleanInline(first.text))
  if (dateline) blocks[at] = { type: 'paragraph', text }
  return dateline
}
