import { describe, expect, it } from 'vitest'
import { ghostPublication, GhostPosts, parseGhostPost } from '../../../src/ingest/ghost'
import fixture from './fixtures/harbor-gazette.ghost.json?raw'

const posts = new GhostPosts()
const events = [...posts.write(fixture), ...posts.end()]
const post = (id: string) => {
  const event = events.find((e) => e.kind === 'post' && e.id === id)
  return event?.kind === 'post' ? event.post : ''
}
// The published night-market post (published_at 2024-02-20T17:00:00.000Z) under another status.
const marketAs = (status: string, publishedAt: string | null = '2024-02-20T17:00:00.000Z') =>
  JSON.stringify({
    ...(JSON.parse(post('65d4f1a2c3b4e5000148a0c1')) as object),
    status,
    published_at: publishedAt,
  })

describe('a Ghost post’s status as the status it asks for', () => {
  it('asks published of a published post, draft of the fixture’s draft', () => {
    expect(parseGhostPost(post('65d4f1a2c3b4e5000148a0c1')).publication).toEqual({
      status: 'published',
    })
    expect(parseGhostPost(post('65dc2b90c3b4e5000148a0f7')).publication).toEqual({
      status: 'draft',
    })
  })

  it('schedules a scheduled post at its published_at, a draft when it has none', () => {
    expect(parseGhostPost(marketAs('scheduled', '2031-06-01T08:00:00.000Z')).publication).toEqual({
      status: 'scheduled',
      publishAt: '2031-06-01T08:00:00.000Z',
    })
    expect(parseGhostPost(marketAs('scheduled', null)).publication).toEqual({
      status: 'draft',
    })
  })

  it('makes a newsletter sent by email only, and an unknown status, drafts', () => {
    expect(parseGhostPost(marketAs('sent')).publication).toEqual({ status: 'draft' })
    expect(parseGhostPost(marketAs('archived')).publication).toEqual({ status: 'draft' })
  })

  it('asks nothing of a post with no status', () => {
    expect(ghostPublication(null, '2024-02-20T17:00:00.000Z')).toBeNull()
    expect(parseGhostPost(marketAs('')).publication).toBeUndefined()
  })
})
