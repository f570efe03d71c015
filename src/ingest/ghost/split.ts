import { collectionFrames, GhostPass, type GhostBroken } from './pass'
import type { GhostPostMeta } from './post'

export type { GhostBroken } from './pass'

/**
 * One element of `db[0].data.posts`: `post` is exactly `input.slice(start, end)`, from its `{`
 * to just past its `}`. `id`: its `"id"` member, or null. `endByte`: where `end` falls in the
 * input's UTF-8 encoding. Offsets are UTF-16 code units (string indices) of the whole input.
 */
export type GhostPostEvent = {
  kind: 'post'
  post: string
  id: string | null
  start: number
  end: number
  endByte: number
}
export type GhostEvent = GhostPostEvent | GhostBroken

/** Where a run of GhostPosts stopped: the `end` and `endByte` of the last post it reported. */
export interface GhostResume {
  end: number
  endByte: number
}

/**
 * Pass 2 over a Ghost export: each post, in order, as its exact JSON text; authors, tags and
 * everything else passed over. Memory is bounded by the largest post (`bufferedChars`).
 *
 * To split an import across invocations, keep the last post event's `end` and `endByte`, and
 * start the next run with `new GhostPosts(thatEvent)`, writing the input from that point on:
 * `text.slice(end)`, or the UTF-8 bytes from `endByte` on, decoded (a range read). The offsets
 * it reports stay those of the whole input. Offsets count the input as written to `write()`: a
 * byte-order mark the caller's decoder removed is not counted in either.
 */
export class GhostPosts extends GhostPass<GhostPostEvent> {
  private id: string | null = null

  constructor(resume?: GhostResume) {
    super(true)
    if (resume) {
      this.scanner.resume(collectionFrames('posts'), resume.end, resume.endByte)
      this.sawData = true
    }
  }

  protected takes(collection: string): boolean {
    return collection === 'posts'
  }

  protected override memberValue(key: string | null, first: string): boolean {
    return key === 'id' && first === '"'
  }

  protected override memberString(text: string | null): void {
    this.id = text
  }

  protected element(_collection: string, post: string, start: number, end: number): void {
    const endByte = this.scanner.utf8Offset(end)
    this.emit({ kind: 'post', post, id: this.id, start, end, endByte })
    this.id = null
  }
}

type Link = { post: string; target: string; order: number }

/** A GhostIndex as plain, JSON-safe data: what a long import keeps between invocations. */
export interface GhostIndexData {
  users: [id: string, name: string][]
  tags: [id: string, name: string][]
  postsAuthors: Link[]
  postsTags: Link[]
  captions: [postId: string, caption: string][]
}
const INDEXED = new Set(['users', 'tags', 'posts_authors', 'posts_tags', 'posts_meta'])

/**
 * Pass 1 over a Ghost export: users, tags, which of them each post has, and each post's feature
 * image caption (Ghost 5 keeps it in `posts_meta`), read from the arrays wherever they sit beside
 * `posts`; post bodies passed over. Memory is the index itself plus the largest single element.
 * After `end()`, `metaOf` answers.
 */
export class GhostIndex extends GhostPass<never> {
  private readonly users = new Map<string, string>()
  private readonly tags = new Map<string, string>()
  private readonly authorLinks = new Map<string, Link[]>()
  private readonly tagLinks = new Map<string, Link[]>()
  private readonly captions = new Map<string, string>()

  /** What parseGhostPost needs to know about a post from beside it. */
  metaOf(postId: string): Required<GhostPostMeta> {
    return {
      authors: resolve(this.authorLinks, this.users, postId),
      tags: resolve(this.tagLinks, this.tags, postId),
      imageCaption: this.captions.get(postId) ?? null,
    }
  }

  toJSON(): GhostIndexData {
    return {
      users: [...this.users],
      tags: [...this.tags],
      postsAuthors: [...this.authorLinks.values()].flat(),
      postsTags: [...this.tagLinks.values()].flat(),
      captions: [...this.captions],
    }
  }

  /** An index as `toJSON` left it: `metaOf` answers as the original's did. */
  static fromJSON(data: GhostIndexData): GhostIndex {
    const index = new GhostIndex()
    for (const [id, name] of data.users) index.users.set(id, name)
    for (const [id, name] of data.tags) index.tags.set(id, name)
    for (const link of data.postsAuthors) add(index.authorLinks, link)
    for (const link of data.postsTags) add(index.tagLinks, link)
    for (const [post, caption] of data.captions) index.captions.set(post, caption)
    return index
  }

  protected takes(collection: string): boolean {
    return INDEXED.has(collection)
  }

  protected element(collection: string, text: string, start: number): void {
    if (!this.record(collection, parseRow(text) ?? {})) {
      this.broken(start, `an element of ${collection} without the ids it should have`)
    }
  }

  /** Files one row; false when it lacks what rows of its collection have. */
  private record(collection: string, row: Record<string, unknown>): boolean {
    const [id, name, post] = [row.id, row.name, row.post_id].map(present)
    switch (collection) {
      case 'users':
      case 'tags':
        if (id && name) (collection === 'users' ? this.users : this.tags).set(id, name)
        return Boolean(id && name)
      case 'posts_authors':
      case 'posts_tags': {
        const tags = collection === 'posts_tags'
        const target = present(tags ? row.tag_id : row.author_id)
        const order = typeof row.sort_order === 'number' ? row.sort_order : 0
        if (post && target) add(tags ? this.tagLinks : this.authorLinks, { post, target, order })
        return Boolean(post && target)
      }
      default: {
        const caption = present(row.feature_image_caption)
        if (post && caption) this.captions.set(post, caption)
        return post !== null
      }
    }
  }
}

/** The names linked to a post, in `sort_order` (ties in the export's order); unknown ids skipped. */
function resolve(links: Map<string, Link[]>, names: Map<string, string>, post: string): string[] {
  const found = [...(links.get(post) ?? [])].sort((a, b) => a.order - b.order)
  return found.flatMap((link) => names.get(link.target) ?? [])
}

function add(links: Map<string, Link[]>, link: Link): void {
  const list = links.get(link.post)
  if (list) list.push(link)
  else links.set(link.post, [link])
}

function parseRow(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

const present = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null
