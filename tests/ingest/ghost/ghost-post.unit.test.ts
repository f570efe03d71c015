import { describe, expect, it } from 'vitest'
import { GhostIndex, GhostPosts, ghostStatus, parseGhostPost } from '../../../src/ingest/ghost'
import { failure } from '../failure'
import fixture from './fixtures/harbor-gazette.ghost.json?raw'

// Both passes over the fixture, as an import runs them.
const index = new GhostIndex()
index.write(fixture)
index.end()
const pass2 = new GhostPosts()
const events = [...pass2.write(fixture), ...pass2.end()]
const post = (id: string) => {
  const event = events.find((e) => e.kind === 'post' && e.id === id)
  return event?.kind === 'post' ? event.post : ''
}
const parse = (id: string) => parseGhostPost(post(id), index.metaOf(id))

describe('a published post', () => {
  const a = parse('65d4f1a2c3b4e5000148a0c1')

  it('takes title, dates, canonical URL and image from the post', () => {
    expect(ghostStatus(post('65d4f1a2c3b4e5000148a0c1'))).toBe('published')
    expect(a.title).toBe('Night market returns to Customs House Square')
    expect(a.slug).toBe('night-market-returns-to-customs-house-square')
    expect(a.publishedAt).toBe('2024-02-20T17:00:00.000Z')
    expect(a.modifiedAt).toBe('2024-02-21T08:45:30.000Z')
    expect(a.sourceUrl).toBe('https://harborgazette.example/night-market-returns/')
    expect(a.image).toEqual({
      url: 'https://harborgazette.example/content/images/2024/02/market.jpg',
      caption: 'Stalls on the square last August. Photo: Lena Park',
    })
  })

  it('takes authors and tags from the index, in order, without internal tags', () => {
    expect(a.authors).toEqual([
      { name: 'Tomasz Nowak', slug: 'tomasz-nowak' },
      { name: 'Lena Park', slug: 'lena-park' },
    ])
    expect(a.tags).toEqual([
      { name: 'Local News', slug: 'local-news' },
      { name: 'Food & Drink', slug: 'food-drink' },
    ])
  })

  it('reads the html’s cards as blocks and its image card’s caption apart', () => {
    expect(a.body).toEqual([
      {
        type: 'paragraph',
        text: 'The night market is back. After a winter off, forty-two stalls will fill Customs House Square every Friday from 5 to 10 p.m., starting March 8.',
      },
      {
        type: 'paragraph',
        text: 'Organizers expect about 3,000 visitors a night, up from 2,400 last summer, and have added a second entrance on Quay Street.',
      },
      { type: 'heading', level: 2, text: 'What’s new this year' },
      {
        type: 'list',
        ordered: false,
        items: [
          'Twelve food stalls, half of them new',
          'A children’s corner run by the library',
          'Live music on the Quay Street stage',
        ],
      },
      {
        type: 'quote',
        text: '“People told us they missed it all winter,” said Tomás Ferreira, who runs the market for the Waterfront Business Association.',
      },
      {
        type: 'paragraph',
        text: 'Vendors pay $40 a night; applications for the rest of the season close on March 1.',
      },
      { type: 'paragraph', text: 'Parking is free after 6 p.m. in the Pier 2 garage.' },
    ])
    expect(a.captions).toEqual(['Stalls on the square last August. Photo: Lena Park'])
  })
})

describe('a draft', () => {
  const a = parse('65dc2b90c3b4e5000148a0f7')

  it('is read like a post, without a publication date', () => {
    expect(ghostStatus(post('65dc2b90c3b4e5000148a0f7'))).toBe('draft')
    expect(a.title).toBe('Harbor Street pool to close for repairs')
    expect(a.publishedAt).toBeNull()
    expect(a.modifiedAt).toBe('2024-02-26T11:02:45.000Z')
    expect(a.sourceUrl).toBeNull()
    expect(a.authors).toEqual([{ name: 'Lena Park', slug: 'lena-park' }])
    expect(a.tags).toEqual([{ name: 'Local News', slug: 'local-news' }])
  })

  it('falls back to plaintext when there is no html, and drops a site-relative image', () => {
    expect(a.body).toEqual([
      {
        type: 'paragraph',
        text: 'The city will close the Harbor Street pool from April 1 to June 14 to replace its filters and retile the deep end.',
      },
      {
        type: 'paragraph',
        text: 'Swim lessons move to the Eastside pool for the spring session. Lap swimmers can use Eastside from 6 to 9 a.m. on weekdays.',
      },
    ])
    expect(a.image).toBeNull()
  })
})

describe('a page', () => {
  it('is 422 not_an_article', () => {
    const error = failure(() => parse('65a0e7d1c3b4e5000148a002'))
    expect([error.status, error.code, error.message]).toEqual([
      422,
      'not_an_article',
      'the Ghost page is not a post',
    ])
  })
})

describe('fields as given', () => {
  const minimal = (fields: object) =>
    parseGhostPost(JSON.stringify({ title: 'T', html: '<p>Text.</p>', ...fields }))

  it('keeps only absolute http(s) addresses and real dates', () => {
    const a = minimal({
      canonical_url: '/night-market/',
      feature_image: 'javascript:alert(1)',
      published_at: '2024-02-30T10:00:00.000Z',
      updated_at: 'yesterday',
    })
    expect([a.sourceUrl, a.image, a.publishedAt, a.modifiedAt]).toEqual([null, null, null, null])
  })

  it('reads a post without meta with no authors or tags, and drops # tags given', () => {
    expect(minimal({}).authors).toEqual([])
    const a = parseGhostPost(JSON.stringify({ title: 'T', html: '<p>Text.</p>' }), {
      tags: ['#hidden', ' #also-hidden', 'Shown'],
    })
    expect(a.tags).toEqual([{ name: 'Shown', slug: 'shown' }])
  })
})
