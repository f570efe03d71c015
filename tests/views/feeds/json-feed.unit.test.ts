import { describe, expect, it } from 'vitest'
import { renderJsonFeed } from '../../../src/views/feeds'
import { authorFeed, haqqani, pakistan, site, siteFeed, slug } from './fixtures'

const origin = 'http://127.0.0.1:8787'
const [first] = pakistan.body
const lead = first?.type === 'paragraph' ? first.text : ''
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/

// Every key JSON Feed 1.1 defines, so a typo or a 1.0 leftover (`author`) fails the test.
const FEED_KEYS = [
  'version',
  'title',
  'home_page_url',
  'feed_url',
  'description',
  'user_comment',
  'next_url',
  'icon',
  'favicon',
  'authors',
  'language',
  'expired',
  'hubs',
  'items',
]
const ITEM_KEYS = [
  'id',
  'url',
  'external_url',
  'title',
  'content_html',
  'content_text',
  'summary',
  'image',
  'banner_image',
  'date_published',
  'date_modified',
  'authors',
  'tags',
  'language',
  'attachments',
]

type Json = Record<string, unknown>

/** The spec's rules for a feed, as assertions. */
function expectJsonFeed(feed: Json) {
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
  expect(Object.keys(feed)[0]).toBe('version')
  expect(typeof feed.title).toBe('string')
  expect(Object.keys(feed).filter((key) => !FEED_KEYS.includes(key))).toEqual([])
  expect(Array.isArray(feed.items)).toBe(true)
  for (const item of feed.items as Json[]) {
    expect(typeof item.id).toBe('string')
    expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(
      true,
    )
    expect(Object.keys(item).filter((key) => !ITEM_KEYS.includes(key))).toEqual([])
    for (const key of ['date_published', 'date_modified']) {
      if (key in item) expect(item[key]).toMatch(RFC_3339)
    }
    for (const author of (item.authors ?? []) as Json[]) expect(typeof author.name).toBe('string')
    for (const tag of (item.tags ?? []) as unknown[]) expect(typeof tag).toBe('string')
  }
  for (const author of feed.authors as Json[]) expect(typeof author.name).toBe('string')
}

describe('JSON Feed', () => {
  const feed = JSON.parse(renderJsonFeed(siteFeed, [pakistan, haqqani], site)) as Json
  const items = feed.items as Json[]

  it('follows JSON Feed 1.1', () => {
    expectJsonFeed(feed)
  })

  it('describes the feed with absolute URLs and the site as author', () => {
    expect(feed).toMatchObject({
      title: 'Edge Articles',
      home_page_url: `${origin}/`,
      feed_url: `${origin}/feed.xml`,
      authors: [{ name: 'Edge Articles', url: `${origin}/` }],
    })
    expect(feed).not.toHaveProperty('author')
    expect(feed).not.toHaveProperty('next_url')
  })

  it('gives the seed article its URL as id, its dates and its byline', () => {
    const { content_html, content_text, ...rest } = items[0]!
    expect(rest).toEqual({
      id: `${origin}/articles/${slug}`,
      url: `${origin}/articles/${slug}`,
      title: 'Islamabad won’t tolerate U.S. boots on the ground',
      summary: pakistan.summary,
      date_published: '2011-09-22T00:00:00.000Z',
      date_modified: '2025-11-29T06:30:00.000Z',
      authors: [{ name: 'Alex Rodriguez', url: `${origin}/authors/alex-rodriguez` }],
      tags: ['Pakistan'],
    })
    expect(content_html).toMatch(
      /^<div class="body"><p><span class="dateline">ISLAMABAD, PAKISTAN —<\/span> Pakistan on Thursday/,
    )
    expect((content_text as string).split('\n\n')).toHaveLength(12)
    expect(content_text).toMatch(/^ISLAMABAD, PAKISTAN — Pakistan on Thursday rejected/)
  })

  it('gives the Markdown article its image, language and stored date, and no authors', () => {
    expect(items[1]).toMatchObject({
      id: `${origin}/articles/pakistan-rejects-us-claims-of-haqqani-ties`,
      image: 'https://images.example.com/islamabad-press-conference.jpg',
      language: 'en-US',
      date_published: '2025-11-30T09:15:00.000Z',
      date_modified: '2025-12-01T17:45:30.000Z',
      tags: ['Pakistan', 'U.S. & Pakistan'],
    })
    expect(items[1]).not.toHaveProperty('authors')
    expect(items[1]!.content_text).toBe(
      `${lead}\n\n` +
        '“A categoric no”\n\n' +
        'Our capacity to trace them in that area is limited. Give us the information and we will operate.\n\n' +
        '• Sept. 13: the attack on the U.S. Embassy in Kabul\n' +
        '• $1 billion: the Pakistan Counterinsurgency Capability Fund, conditioned on cooperation',
    )
  })

  it('links to the next page when there is one', () => {
    const paged = {
      ...authorFeed,
      path: '/authors/alex-rodriguez/feed.json',
      nextPath: '/authors/alex-rodriguez/feed.json?cursor=abc',
    }
    const next = JSON.parse(renderJsonFeed(paged, [pakistan], site)) as Json
    expectJsonFeed(next)
    expect(next).toMatchObject({
      home_page_url: `${origin}/authors/alex-rodriguez`,
      feed_url: `${origin}/authors/alex-rodriguez/feed.json`,
      next_url: `${origin}/authors/alex-rodriguez/feed.json?cursor=abc`,
    })
  })

  it('takes a description and a language when the feed has them', () => {
    const described = { ...siteFeed, description: 'Latest articles', language: 'en' }
    expect(JSON.parse(renderJsonFeed(described, [], site))).toMatchObject({
      description: 'Latest articles',
      language: 'en',
    })
  })

  it('drops an image that is not an http(s) URL', () => {
    const bad = { ...haqqani, image: { url: 'javascript:alert(1)', caption: null } }
    const item = (JSON.parse(renderJsonFeed(siteFeed, [bad], site)) as { items: Json[] }).items[0]
    expect(item).not.toHaveProperty('image')
  })

  it('is an empty list of items when there are no articles', () => {
    const empty = JSON.parse(renderJsonFeed(siteFeed, [], site)) as Json
    expectJsonFeed(empty)
    expect(empty.items).toEqual([])
  })
})
