import { describe, expect, it } from 'vitest'
import { GhostIndex, GhostPosts, type GhostPostEvent } from '../../../src/ingest/ghost'
import { chunkings, cutEvery, run } from '../wxr/chunks'
import fixture from './fixtures/harbor-gazette.ghost.json?raw'

const POSTS = ['65d4f1a2c3b4e5000148a0c1', '65dc2b90c3b4e5000148a0f7', '65a0e7d1c3b4e5000148a002']
const exported = JSON.parse(fixture) as { db: [{ data: Record<string, unknown[]> }] }
// The same export as Ghost writes it (one line), and with users and tags before the posts.
const minified = JSON.stringify(exported)
const { users, tags, posts_authors, posts_tags, posts_meta, ...rest } = exported.db[0].data
const reordered = JSON.stringify({
  db: [{ data: { users, tags, posts_authors, posts_tags, posts_meta, ...rest } }],
})

const posts = (text: string, chunks = [text]) => run(new GhostPosts(), chunks)
const utf8 = (text: string) => new TextEncoder().encode(text).length

describe('pass 2: the posts', () => {
  it.each([
    ['as exported (pretty)', fixture],
    ['on one line', minified],
    ['with users and tags first', reordered],
  ])('reports each post’s exact text, id and offsets: %s', (_, text) => {
    const { events } = posts(text)
    expect(events.map((e) => e.kind === 'post' && e.id)).toEqual(POSTS)
    for (const [i, e] of events.entries()) {
      if (e.kind !== 'post') continue
      expect(e.post).toBe(text.slice(e.start, e.end))
      expect(JSON.parse(e.post)).toEqual(exported.db[0].data.posts![i])
      expect(e.endByte).toBe(utf8(text.slice(0, e.end)))
    }
  })

  it.each(chunkings(fixture))('reports the same events cut into chunks: %s', (_, chunks) => {
    const whole = posts(fixture).events
    const largest = Math.max(...whole.map((e) => (e.kind === 'post' ? e.post.length : 0)))
    const { events, held } = posts(fixture, chunks)
    expect(events).toEqual(whole)
    expect(held).toBeLessThanOrEqual(largest + 2)
  })

  it('holds one post at a time however long the export', () => {
    const first = posts(minified).events[0] as GhostPostEvent
    const many = Array.from({ length: 600 }, (_, i) => first.post.replace(POSTS[0]!, `post-${i}`))
    const text = minified.replace(
      /"posts":\[.*?\],"posts_authors"/,
      () => `"posts":[${many.join(',')}],"posts_authors"`,
    )
    const { events, held } = posts(text, cutEvery(text, 1000))
    expect(events.map((e) => e.kind === 'post' && e.id)).toEqual(many.map((_, i) => `post-${i}`))
    expect(text.length).toBeGreaterThan(2_000_000)
    expect(held).toBeLessThanOrEqual(first.post.length + 2)
  })
})

describe('resuming pass 2', () => {
  const whole = posts(fixture).events as GhostPostEvent[]

  it.each(whole.map((e, i) => [i, e] as const))(
    'after post %i, from the text at its end, reports the posts after it',
    (i, last) => {
      const { events } = run(new GhostPosts(last), cutEvery(fixture.slice(last.end), 11))
      expect(events).toEqual(whole.slice(i + 1))
    },
  )

  it('from the UTF-8 bytes at endByte (a range read), reports the same posts', () => {
    const bytes = new TextEncoder().encode(fixture)
    const last = whole[0]!
    const rest = new TextDecoder().decode(bytes.subarray(last.endByte))
    const { events } = run(new GhostPosts(last), [rest])
    expect(events).toEqual(whole.slice(1))
  })

  it('at an offset that is not a post’s end, is one broken event (a check, not a proof)', () => {
    const wrong = { end: whole[0]!.end - 38, endByte: whole[0]!.endByte - 38 }
    const { events } = run(new GhostPosts(wrong), [fixture.slice(wrong.end)])
    expect(fixture.slice(wrong.end, wrong.end + 9)).toBe('itle_and_')
    expect(events).toEqual([
      { kind: 'broken', start: wrong.end, reason: 'expected , or ] after a post, found "i"' },
    ])
  })
})

describe('pass 1: the index', () => {
  it.each([
    ['as exported (posts first)', fixture],
    ['with users and tags first', reordered],
  ])('resolves each post’s authors and tags in their sort order: %s', (_, text) => {
    for (const [name, chunks] of chunkings(text).slice(0, 3)) {
      const index = new GhostIndex()
      const { events, held } = run(index, chunks)
      expect(events, name).toEqual([])
      // Rows are small: the index holds none of the posts' bodies.
      expect(held, name).toBeLessThan(1000)
      expect(index.metaOf(POSTS[0]!)).toEqual({
        authors: ['Tomasz Nowak', 'Lena Park'],
        tags: ['Local News', '#newsletter', 'Food & Drink'],
        imageCaption:
          'Stalls on the square last August. Photo: <a href="https://lenapark.example">Lena Park</a>',
      })
      expect(index.metaOf(POSTS[1]!)).toEqual({
        authors: ['Lena Park'],
        tags: ['Local News'],
        imageCaption: null,
      })
      expect(index.metaOf('no-such-post')).toEqual({ authors: [], tags: [], imageCaption: null })
    }
  })

  it('keeps as JSON between invocations', () => {
    const index = new GhostIndex()
    run(index, [fixture])
    const kept = GhostIndex.fromJSON(JSON.parse(JSON.stringify(index)))
    for (const id of [...POSTS, 'no-such-post']) expect(kept.metaOf(id)).toEqual(index.metaOf(id))
    expect(kept.metaOf(POSTS[0]!).authors).toEqual(['Tomasz Nowak', 'Lena Park'])
  })

  it('reports a row without its ids and skips links to unknown users', () => {
    const data = {
      users: [{ id: 'u1', name: 'Ada' }, { name: 'No id' }],
      posts_authors: [
        { post_id: 'p1', author_id: 'u9', sort_order: 0 },
        { post_id: 'p1', author_id: 'u1', sort_order: 1 },
      ],
      posts: [],
    }
    const text = JSON.stringify({ db: [{ data }] })
    const index = new GhostIndex()
    const { events } = run(index, [text])
    expect(events).toEqual([
      {
        kind: 'broken',
        start: text.indexOf('{"name"'),
        reason: 'an element of users without the ids it should have',
      },
    ])
    expect(index.metaOf('p1').authors).toEqual(['Ada'])
  })
})
