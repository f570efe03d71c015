import { describe, expect, it } from 'vitest'
import { pageKey } from '../../src/cache/pages'

/** The definition: each of 16 digits d becomes 9 - d. */
const complemented = (epoch: number) =>
  String(epoch)
    .padStart(16, '0')
    .replace(/\d/g, (d) => String(9 - Number(d)))

describe('page keys', () => {
  const epochs = [0, 1, 9, 99_999_999, 100_000_000, 100_000_001, 1_764_400_000_000_000]
  it.each(epochs)('name epoch %d with its digits complemented, 16 wide', (epoch) => {
    expect(pageKey('article:a-b', epoch, 'html')).toBe(
      `v3:page:article:a-b:html@${complemented(epoch)}`,
    )
  })

  it('sort newer epochs first, as KV lists keys', () => {
    const now = 1_764_400_000_000_000
    const keys = [now, now + 1, now + 99_999_999, now + 100_000_000, now + 10 ** 12, 5, 0].map(
      (epoch) => pageKey('index', epoch, 'feed.xml'),
    )
    expect([...keys].sort()).toEqual([
      pageKey('index', now + 10 ** 12, 'feed.xml'),
      pageKey('index', now + 100_000_000, 'feed.xml'),
      pageKey('index', now + 99_999_999, 'feed.xml'),
      pageKey('index', now + 1, 'feed.xml'),
      pageKey('index', now, 'feed.xml'),
      pageKey('index', 5, 'feed.xml'),
      pageKey('index', 0, 'feed.xml'),
    ])
  })

  it('escape the variant, so it can hold no @', () => {
    expect(pageKey('search', 1, 'q=a@b c')).toBe(`v3:page:search:q%3Da%40b%20c@${complemented(1)}`)
  })
})
