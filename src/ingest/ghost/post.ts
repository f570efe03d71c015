import type { Block, NormalizedArticle } from '../../model/article'
import { IngestError } from '../errors'
import { finalize, type ArticleParts } from '../finalize'
import { readFragment } from '../html/fragment'
import { plain } from '../html/text'
import { absoluteUrl } from '../html/urls'
import { normalizePublishedAt } from '../meta-fields'
import { checkShape } from '../shape'
import { splitParagraphs } from '../text-clean'
import { ghostPublication } from './status'

export interface GhostPostMeta {
  /** The post's authors' names, in order. GhostIndex.metaOf(id) gives all of these. */
  authors?: string[]
  /** The post's tags' names, in order; internal tags (`#…`) are dropped here. */
  tags?: string[]
  /** The feature image's caption (Ghost 5 keeps it in `posts_meta`, beside the post). */
  imageCaption?: string | null
}

type Post = Record<string, unknown>

/**
 * One post of a Ghost export (its exact JSON text, as GhostPosts reports it) to the article
 * model. Pages are refused (422 not_an_article); its `status` asks for a status (status.ts):
 * drafts are read like published posts. Throws IngestError, and nothing else, for any input.
 */
export function parseGhostPost(json: string, meta: GhostPostMeta = {}): NormalizedArticle {
  try {
    const post = postObject(json)
    const article = finalize(readParts(post, meta))
    const publication = ghostPublication(text(post, 'status'), article.publishedAt)
    return publication ? { ...article, publication } : article
  } catch (error) {
    if (error instanceof IngestError) throw error
    throw new IngestError(422, 'unreadable_ghost', 'the Ghost post could not be read as an article')
  }
}

/** The post's `status` (`published`, `draft`, `scheduled`, `sent`), or null. */
export function ghostStatus(json: string): string | null {
  return ghostKind(json).status
}

/** The post's `type` (`post`, `page`) and `status`, read once; null where it has none. */
export function ghostKind(json: string): { type: string | null; status: string | null } {
  try {
    const post = postObject(json)
    return { type: text(post, 'type'), status: text(post, 'status') }
  } catch {
    return { type: null, status: null }
  }
}

function postObject(json: string): Post {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : ''
    throw new IngestError(400, 'invalid_json', `the Ghost post is not valid JSON${detail}`)
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new IngestError(400, 'invalid_ghost_post', 'a Ghost post is a JSON object')
  }
  return value as Post
}

function readParts(post: Post, meta: GhostPostMeta): ArticleParts {
  const type = text(post, 'type')
  if (type !== null && type !== 'post') {
    throw new IngestError(422, 'not_an_article', `the Ghost ${type} is not a post`)
  }
  const sourceUrl = absoluteUrl(text(post, 'canonical_url'), null)
  const { blocks, captions, related } = body(post, sourceUrl)
  // Exports name the site's own files `__GHOST_URL__/content/images/…`: no address outside it.
  const image = absoluteUrl(text(post, 'feature_image'), null)
  return {
    title: text(post, 'title'),
    dateline: null,
    authors: meta.authors ?? [],
    body: blocks,
    related,
    notices: [],
    captions,
    tags: (meta.tags ?? []).filter((tag) => !tag.trim().startsWith('#')),
    publishedAt: date(text(post, 'published_at')),
    modifiedAt: date(text(post, 'updated_at')),
    sourceUrl,
    image: image
      ? {
          url: image,
          caption: plain(meta.imageCaption ?? text(post, 'feature_image_caption') ?? '') || null,
        }
      : null,
  }
}

/** `html` as blocks; when it has none (a post saved as plaintext only), `plaintext`'s paragraphs. */
function body(post: Post, base: string | null) {
  const html = text(post, 'html') ?? ''
  checkShape('html', html)
  const read = readFragment(html, base)
  if (read.blocks.length > 0) return read
  const plaintext = text(post, 'plaintext') ?? ''
  checkShape('text', plaintext)
  const blocks = splitParagraphs(plaintext).map((p): Block => ({ type: 'paragraph', text: p }))
  return { ...read, blocks }
}

const text = (post: Post, key: string): string | null => {
  const value = post[key]
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

/** Ghost's dates (`2024-02-20T09:15:00.000Z`); one that names no real instant is none. */
function date(value: string | null): string | null {
  if (value === null) return null
  try {
    return normalizePublishedAt(value)
  } catch {
    return null
  }
}
