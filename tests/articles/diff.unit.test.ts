import { describe, expect, it } from 'vitest'
import { diffBlocks, diffRevisions, type RevisionSide } from '../../src/articles/diff'
import { align, diffWords } from '../../src/articles/word-diff'
import type { Block } from '../../src/model/article'
import type { RevisionContent, WordRun } from '../../src/model/revisions'
import { pakistan } from '../views/fixtures'

// Real text: the seed article (seeds/pakistan-islamabad-wont-tolerate-us-boots.txt).
const FIRST = pakistan.body[0]!.type === 'paragraph' ? pakistan.body[0]!.text : ''
const para = (text: string): Block => ({ type: 'paragraph', text })
const rebuilt = (runs: WordRun[], side: 'removed' | 'added') =>
  runs
    .filter((r) => r.op === 'same' || r.op === side)
    .map((r) => r.text)
    .join('')

describe('diffWords', () => {
  it('marks single words and a phrase inside the seed’s first paragraph', () => {
    const edited = FIRST.replace('Thursday', 'Friday').replace('hunt down', 'pursue')
    expect(diffWords(FIRST, edited)).toEqual([
      { op: 'same', text: 'Pakistan on ' },
      { op: 'removed', text: 'Thursday' },
      { op: 'added', text: 'Friday' },
      {
        op: 'same',
        text: ' rejected Washington’s allegations that it maintains links with the militant Haqqani network and warned that it would not tolerate any ground operation to ',
      },
      { op: 'removed', text: 'hunt down' },
      { op: 'added', text: 'pursue' },
      { op: 'same', text: ' members of the group.' },
    ])
  })

  it('reads a rewritten phrase as one deletion and one insertion, not word by word', () => {
    const from = 'warned that it would not tolerate any ground operation'
    const to = 'warned that it will reject every ground operation'
    expect(diffWords(from, to)).toEqual([
      { op: 'same', text: 'warned that it ' },
      { op: 'removed', text: 'would not tolerate any' },
      { op: 'added', text: 'will reject every' },
      { op: 'same', text: ' ground operation' },
    ])
  })

  it('adds words at the end and removes them from the start', () => {
    expect(diffWords('Malik told Reuters.', 'Malik told Reuters on Friday.')).toEqual([
      { op: 'same', text: 'Malik told ' },
      { op: 'removed', text: 'Reuters.' },
      { op: 'added', text: 'Reuters on Friday.' },
    ])
    expect(diffWords('Officials have also repeatedly pressed', 'repeatedly pressed')).toEqual([
      { op: 'removed', text: 'Officials have also ' },
      { op: 'same', text: 'repeatedly pressed' },
    ])
  })

  it('answers one run for equal texts, and nothing for two empty ones', () => {
    expect(diffWords(FIRST, FIRST)).toEqual([{ op: 'same', text: FIRST }])
    expect(diffWords('', '')).toEqual([])
    expect(diffWords('', 'Haqqani')).toEqual([{ op: 'added', text: 'Haqqani' }])
  })

  it('past the bound, reports the differing middle removed then added, and still rebuilds both', () => {
    const from = pakistan.body.map((b) => (b.type === 'list' ? '' : b.text)).join(' ')
    const to = from.replaceAll('Haqqani', 'Haqqani’s')
    const bounded = diffWords(from, to, { cells: 100 })
    expect(bounded).toHaveLength(4)
    expect(bounded.map((r) => r.op)).toEqual(['same', 'removed', 'added', 'same'])
    for (const runs of [bounded, diffWords(from, to)]) {
      expect(rebuilt(runs, 'removed')).toBe(from)
      expect(rebuilt(runs, 'added')).toBe(to)
    }
  })
})

describe('align', () => {
  it('gives the longest common subsequence, removals before additions', () => {
    expect(align(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'])).toEqual([
      { op: 'same', from: 0, to: 0 },
      { op: 'removed', from: 1 },
      { op: 'added', to: 1 },
      { op: 'same', from: 2, to: 2 },
      { op: 'same', from: 3, to: 3 },
      { op: 'added', to: 4 },
    ])
  })
})

const [p0, p1, p2, p3] = pakistan.body as Block[]

describe('diffBlocks', () => {
  it('aligns unchanged blocks, and pairs an edited paragraph with its edit', () => {
    const edited = para(FIRST.replace('Thursday', 'Friday'))
    expect(diffBlocks([p0!, p1!, p2!], [edited, p1!, p2!])).toEqual([
      {
        change: 'changed',
        from: 0,
        to: 0,
        type: 'paragraph',
        words: [
          { op: 'same', text: 'Pakistan on ' },
          { op: 'removed', text: 'Thursday' },
          { op: 'added', text: 'Friday' },
          { op: 'same', text: FIRST.slice('Pakistan on Thursday'.length) },
        ],
      },
      { change: 'unchanged', from: 1, to: 1 },
      { change: 'unchanged', from: 2, to: 2 },
    ])
  })

  it('reports a block added, a block removed, and a new kind as removed and added', () => {
    const heading: Block = { type: 'heading', level: 2, text: 'Haqqani network' }
    const promoted: Block = { type: 'heading', level: 3, text: 'Haqqani network' }
    expect(diffBlocks([heading, p0!, p1!, p2!], [promoted, p0!, p2!, p3!])).toEqual([
      { change: 'removed', from: 0, block: heading },
      { change: 'added', to: 0, block: promoted },
      { change: 'unchanged', from: 1, to: 1 },
      { change: 'removed', from: 2, block: p1 },
      { change: 'unchanged', from: 3, to: 2 },
      { change: 'added', to: 3, block: p3 },
    ])
  })

  it('pairs only blocks sharing half their words when several were rewritten', () => {
    const a = para('Malik called upon the U.S. to supply Pakistan with intelligence.')
    const b = para('Experts say the ISI sees the group as a hedge.')
    const aEdited = para('Malik called upon the U.S. to share intelligence with Pakistan.')
    const c = para('An unrelated new paragraph about Quetta.')
    expect(diffBlocks([p0!, a, b], [p0!, c, aEdited]).map((x) => x.change)).toEqual([
      'unchanged',
      'added',
      'changed',
      'removed',
    ])
  })

  it('spends a bounded budget on one diff: past it, edited blocks are marked whole', () => {
    // 20 long paragraphs (the seed's first six as one), each with every "the" made "a".
    const long = pakistan.body
      .slice(0, 6)
      .map((b) => (b.type === 'paragraph' ? b.text : ''))
      .join(' ')
    const from = Array.from({ length: 20 }, (_, i) => para(`${i}. ${long}`))
    const to = from.map((b) =>
      para(b.type === 'paragraph' ? b.text.replaceAll(' the ', ' a ') : ''),
    )
    const changes = diffBlocks(from, to)
    expect(changes.map((c) => c.change)).toEqual(Array(20).fill('changed'))
    const runs = changes.map((c) => (c.change === 'changed' ? c.words : []))
    expect(runs[0]!.length).toBeGreaterThan(40)
    expect(runs[19]!.map((r) => r.op)).toEqual(['same', 'removed', 'added', 'same'])
    runs.forEach((words, i) => {
      expect(rebuilt(words, 'removed')).toBe((from[i] as { text: string }).text)
      expect(rebuilt(words, 'added')).toBe((to[i] as { text: string }).text)
    })
  })

  it('diffs a list’s items as lines', () => {
    const from: Block = { type: 'list', ordered: false, items: ['Kabul', 'Quetta'] }
    const to: Block = { type: 'list', ordered: false, items: ['Kabul', 'Islamabad', 'Quetta'] }
    expect(diffBlocks([from], [to])).toEqual([
      {
        change: 'changed',
        from: 0,
        to: 0,
        type: 'list',
        words: [
          { op: 'same', text: 'Kabul\n' },
          { op: 'added', text: 'Islamabad\n' },
          { op: 'same', text: 'Quetta' },
        ],
      },
    ])
  })
})

describe('diffRevisions', () => {
  const content: RevisionContent = {
    slug: pakistan.slug,
    title: pakistan.title,
    headline: pakistan.headline,
    kicker: pakistan.kicker,
    authors: pakistan.authors,
    summary: pakistan.summary,
    publishedAt: null,
    dateline: pakistan.dateline,
    body: [p0!, p1!],
    related: pakistan.related,
    notices: pakistan.notices,
    captions: [],
    tags: pakistan.tags,
    wordCount: 100,
    modifiedAt: null,
    siteName: null,
    language: null,
    image: null,
    sourceUrl: null,
  }
  const meta = {
    revision: 1,
    reason: 'upload',
    status: 'draft',
    publishAt: null,
    createdAt: '2026-12-05T10:00:00.000Z',
  } as const
  const from: RevisionSide = { meta, article: content }

  it('lists the fields that differ, with words for text, and the status from the revision', () => {
    const to: RevisionSide = {
      meta: { ...meta, revision: 2, reason: 'upload', status: 'published' },
      article: {
        ...content,
        title: 'PAKISTAN: Islamabad rejects U.S. boots on the ground',
        headline: 'Islamabad rejects U.S. boots on the ground',
        tags: [...pakistan.tags, { name: 'Haqqani', slug: 'haqqani' }],
        wordCount: 101,
      },
    }
    expect(diffRevisions(pakistan.slug, from, to)).toEqual({
      slug: pakistan.slug,
      from: meta,
      to: to.meta,
      fields: [
        {
          field: 'title',
          from: 'PAKISTAN: Islamabad won’t tolerate U.S. boots on the ground',
          to: 'PAKISTAN: Islamabad rejects U.S. boots on the ground',
          words: [
            { op: 'same', text: 'PAKISTAN: Islamabad ' },
            { op: 'removed', text: 'won’t tolerate' },
            { op: 'added', text: 'rejects' },
            { op: 'same', text: ' U.S. boots on the ground' },
          ],
        },
        {
          field: 'headline',
          from: 'Islamabad won’t tolerate U.S. boots on the ground',
          to: 'Islamabad rejects U.S. boots on the ground',
          words: [
            { op: 'same', text: 'Islamabad ' },
            { op: 'removed', text: 'won’t tolerate' },
            { op: 'added', text: 'rejects' },
            { op: 'same', text: ' U.S. boots on the ground' },
          ],
        },
        {
          field: 'tags',
          from: [{ name: 'Pakistan', slug: 'pakistan' }],
          to: [
            { name: 'Pakistan', slug: 'pakistan' },
            { name: 'Haqqani', slug: 'haqqani' },
          ],
        },
        { field: 'status', from: 'draft', to: 'published' },
      ],
      body: [
        { change: 'unchanged', from: 0, to: 0 },
        { change: 'unchanged', from: 1, to: 1 },
      ],
    })
  })

  it('reads a field an older snapshot lacks as null', () => {
    const { language: _, ...older } = content
    const to: RevisionSide = { meta, article: { ...content, language: 'en' } }
    expect(
      diffRevisions(pakistan.slug, { meta, article: older as RevisionContent }, to).fields,
    ).toEqual([{ field: 'language', from: null, to: 'en' }])
  })
})
