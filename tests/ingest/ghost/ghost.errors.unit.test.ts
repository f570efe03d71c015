import { describe, expect, it } from 'vitest'
import { IngestError } from '../../../src/ingest'
import { GhostIndex, GhostPosts, ghostStatus, parseGhostPost } from '../../../src/ingest/ghost'
import { failure } from '../failure'
import { cutEvery, cutRandomly, run } from '../wxr/chunks'
import fixture from './fixtures/harbor-gazette.ghost.json?raw'

const posts = (text: string, size = 5) => run(new GhostPosts(), cutEvery(text, size)).events
const index = (text: string) => run(new GhostIndex(), cutEvery(text, 5)).events
const secondPost = fixture.lastIndexOf('{', fixture.indexOf('"id": "65dc2b90'))

describe('a cut-off export', () => {
  it('reports the post it ends in as broken, after the posts before it', () => {
    const events = posts(fixture.slice(0, secondPost + 300))
    expect(events.map((e) => e.kind)).toEqual(['post', 'broken'])
    expect(events[1]).toEqual({
      kind: 'broken',
      start: secondPost,
      reason: 'the file ends inside this element of posts: it was cut off',
    })
  })

  it('reports where it ends when it ends between posts or after them', () => {
    const cut = fixture.indexOf('"posts_authors"')
    const events = posts(fixture.slice(0, cut))
    expect(events.filter((e) => e.kind === 'broken')).toEqual([
      {
        kind: 'broken',
        start: cut,
        reason: 'the file ends before the export does: it was cut off',
      },
    ])
    expect(index(fixture.slice(0, cut))).toEqual([
      {
        kind: 'broken',
        start: cut,
        reason: 'the file ends before the export does: it was cut off',
      },
    ])
  })

  it('reports every cut, wherever it falls, and only posts whole', () => {
    for (let cut = 0; cut < fixture.length - 2; cut += 89) {
      const events = posts(fixture.slice(0, cut), 13)
      expect(events.filter((e) => e.kind === 'broken')).toHaveLength(1)
      for (const e of events) if (e.kind === 'post') expect(() => JSON.parse(e.post)).not.toThrow()
      expect(index(fixture.slice(0, cut)).filter((e) => e.kind === 'broken')).toHaveLength(1)
    }
  })
})

describe('not a Ghost export', () => {
  it.each([
    ['an empty file', '', { start: 0, reason: 'the file holds no JSON' }],
    [
      'plain text',
      'Dear editor',
      { start: 0, reason: 'not a Ghost export: the file is not a JSON object' },
    ],
    [
      'an array',
      '[{"id": 1}]',
      { start: 0, reason: 'not a Ghost export: the file is not a JSON object' },
    ],
    [
      'a WXR file',
      '<?xml version="1.0"?><rss></rss>',
      { start: 0, reason: 'not a Ghost export: the file is not a JSON object' },
    ],
    [
      'an API response',
      '{"posts": [{"id": "a", "title": "T"}]}',
      { start: 0, reason: 'no db[0].data object: not a Ghost export' },
    ],
    [
      'data that is not an object',
      '{"db": [{"data": []}]}',
      { start: 17, reason: 'not a Ghost export: db[0].data is not an object' },
    ],
    [
      'unbalanced brackets',
      '{"db": [{"data": {"posts": [}]}]}',
      { start: 28, reason: 'an unmatched }' },
    ],
    [
      'text after the JSON',
      '{"db": [{"data": {"posts": []}}]} {}',
      { start: 34, reason: 'text after the end of the JSON' },
    ],
  ])('%s is one broken event, in either pass', (_, text, expected) => {
    expect(posts(text)).toEqual([{ kind: 'broken', ...expected }])
    expect(index(text)).toEqual([{ kind: 'broken', ...expected }])
  })

  it('refuses nesting too deep to be an export', () => {
    const text = `{"db": [{"data": {"posts": [{"a": ${'['.repeat(600)}${']'.repeat(600)}}]}}]}`
    expect(posts(text)).toEqual([
      { kind: 'broken', start: text.indexOf('{"a"'), reason: 'nested deeper than 512' },
    ])
  })

  it('reports an element of posts that is not an object, and reads on', () => {
    const text = '{"db": [{"data": {"posts": ["oops", {"id": "p1"}]}}]}'
    expect(posts(text)).toEqual([
      { kind: 'broken', start: 28, reason: 'an element of posts that is not an object' },
      { kind: 'post', post: '{"id": "p1"}', id: 'p1', start: 36, end: 48, endByte: 48 },
    ])
  })

  it('reads escaped and overlong ids as JSON.parse does, or not at all', () => {
    const long = 'x'.repeat(300)
    const text = `{"db": [{"data": {"posts": [{"id": "a\\u0062\\"c"}, {"id": "${long}"}, {"id": 7}]}}]}`
    expect(posts(text, 3).map((e) => e.kind === 'post' && e.id)).toEqual(['ab"c', null, null])
  })

  it('never throws, whatever bytes it is given', () => {
    let seed = 11
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const pieces = [
      '{',
      '}',
      '[',
      ']',
      '"',
      '\\',
      ':',
      ',',
      '"posts"',
      '"db"',
      '"id"',
      'é',
      '\n',
      'x',
      '1',
    ]
    for (let round = 0; round < 200; round++) {
      const noise = Array.from(
        { length: 100 },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join('')
      const at = Math.floor(next() * fixture.length)
      const text = fixture.slice(0, at) + noise + fixture.slice(at)
      const pass1 = new GhostIndex()
      run(pass1, cutRandomly(text, round, 30))
      const { events } = run(new GhostPosts(), cutRandomly(text, round + 1, 30))
      for (const e of events) {
        if (e.kind !== 'post') continue
        expect(e.post).toBe(text.slice(e.start, e.end))
        expect(() => ghostStatus(e.post)).not.toThrow()
        try {
          parseGhostPost(e.post, pass1.metaOf(e.id ?? ''))
        } catch (error) {
          expect(error).toBeInstanceOf(IngestError)
        }
      }
    }
  })
})

describe('a post that is not one', () => {
  it.each([
    ['not JSON', '{"title": ', 400, 'invalid_json'],
    ['an array', '[]', 400, 'invalid_ghost_post'],
    ['null', 'null', 400, 'invalid_ghost_post'],
    ['without a title', '{"html": "<p>Text.</p>"}', 422, 'missing_title'],
    ['without a body', '{"title": "T", "html": null, "plaintext": null}', 422, 'empty_body'],
    ['with a non-string html', '{"title": "T", "html": {"p": 1}, "plaintext": "Text."}', 0, ''],
  ])('%s', (_, json, status, code) => {
    if (status === 0) return void expect(parseGhostPost(json).body).toHaveLength(1)
    const error = failure(() => parseGhostPost(json))
    expect([error.status, error.code]).toEqual([status, code])
  })
})
