import { wxrKind, WxrSplitter, type WxrEvent } from '../../ingest/wxr'
import { tooLarge } from './ndjson'
import { passedOver } from './statuses'
import { TextRun } from './text-run'
import type { Found, Splitter } from './types'

/** The text before the first <item>, kept so a later invocation can read on after any item. */
const HEADER = 'wxr-header'

/**
 * A WordPress export: each <item> of type `post` is one article, with its author's display name
 * (from the channel's <wp:author> list); other types, and trashed posts and auto-drafts, are
 * passed over (statuses.ts). A later invocation feeds the splitter the export's header, then the
 * export from the byte after the last item split.
 */
export const splitWxr: Splitter = async function* (archive, from, limits) {
  const splitter = new WxrSplitter()
  let header: string[] | null = null
  let headerChars = 0
  if (from.at === 0) header = []
  else {
    const saved = await archive.load(HEADER)
    if (saved === null) throw new Error('the export’s header is missing')
    splitter.write(saved)
    headerChars = saved.length
  }
  const run = new TextRun(from.at, headerChars)
  const encoder = new TextEncoder()

  async function* found(events: WxrEvent[]): AsyncGenerator<Found> {
    for (const event of events) {
      if (event.kind === 'author') continue
      if (event.kind === 'broken') {
        const offset = run.byteAt(event.start)
        yield {
          item: { ref: { offset }, problem: { code: 'unreadable_item', message: event.reason } },
          next: null,
        }
        continue
      }
      if (header) {
        await archive.save(HEADER, header.join('').slice(0, event.start))
        header = null
      }
      const ref = event.guid ? { guid: event.guid } : { offset: run.byteAt(event.start) }
      const next = { at: run.byteAt(event.end), state: null }
      const kind = wxrKind(event.xml)
      if (kind.type !== 'post' || passedOver(kind.status)) {
        yield { item: null, next }
        continue
      }
      const bytes = encoder.encode(event.xml)
      yield {
        item:
          bytes.length > limits.maxItemBytes
            ? { ref, problem: tooLarge('The item', limits.maxItemBytes) }
            : { ref, format: 'wxr', bytes, meta: event.author ? { author: event.author } : {} },
        next,
      }
    }
  }

  for await (const text of run.read(await archive.from(from.at))) {
    header?.push(text)
    yield* found(splitter.write(text))
  }
  yield* found(splitter.end())
}
