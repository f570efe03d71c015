import {
  ghostKind,
  GhostIndex,
  GhostPosts,
  type GhostEvent,
  type GhostResume,
} from '../../ingest/ghost'
import { tooLarge } from './ndjson'
import { TextRun } from './text-run'
import type { Found, Splitter } from './types'

/** Pass 1's index of the export (authors, tags, captions by post), kept beside the archive. */
const INDEX = 'ghost-index'

/**
 * A Ghost export: each post of type `post` is one article, with its authors, tags and feature
 * image caption from the arrays beside `posts` (pass 1 reads them all first, then keeps them for
 * later invocations); pages are passed over. A later invocation reads on from the byte after the
 * last post split.
 */
export const splitGhost: Splitter = async function* (archive, from, limits) {
  const resume = from.state ? (JSON.parse(from.state) as GhostResume) : undefined
  let index: GhostIndex
  if (resume) {
    const saved = await archive.load(INDEX)
    if (saved === null) throw new Error('the export’s index is missing')
    index = GhostIndex.fromJSON(JSON.parse(saved))
  } else {
    index = new GhostIndex()
    for await (const text of new TextRun(0, 0).read(await archive.from(0))) index.write(text)
    index.end()
    await archive.save(INDEX, JSON.stringify(index.toJSON()))
  }
  const posts = new GhostPosts(resume)
  const run = new TextRun(resume ? from.at : 0, resume?.end ?? 0)
  const encoder = new TextEncoder()

  function* found(events: GhostEvent[]): Generator<Found> {
    for (const event of events) {
      if (event.kind === 'broken') {
        const offset = run.byteAt(event.start)
        yield {
          item: { ref: { offset }, problem: { code: 'unreadable_item', message: event.reason } },
          next: null,
        }
        continue
      }
      const ref = event.id ? { guid: event.id } : { offset: run.byteAt(event.start) }
      const state = JSON.stringify({ end: event.end, endByte: event.endByte } satisfies GhostResume)
      const next = { at: run.byteAt(event.end), state }
      // Posts of every status are stored, each with its own (ingest/ghost/status.ts).
      if (ghostKind(event.post).type === 'page') {
        yield { item: null, next }
        continue
      }
      const bytes = encoder.encode(event.post)
      const meta = event.id ? index.metaOf(event.id) : { authors: [], tags: [], imageCaption: null }
      yield {
        item:
          bytes.length > limits.maxItemBytes
            ? { ref, problem: tooLarge('The post', limits.maxItemBytes) }
            : {
                ref,
                format: 'ghost',
                bytes,
                meta: {
                  authors: JSON.stringify(meta.authors),
                  tags: JSON.stringify(meta.tags),
                  ...(meta.imageCaption ? { imageCaption: meta.imageCaption } : {}),
                },
              },
        next,
      }
    }
  }

  for await (const text of run.read(await archive.from(resume ? from.at : 0))) {
    yield* found(posts.write(text))
  }
  yield* found(posts.end())
}
