import type { Article } from '../../../src/model/article'
import type { FeedInfo } from '../../../src/views/feeds'
import { pakistan } from '../fixtures'

export { pakistan, site, slug } from '../fixtures'

const haqqaniSlug = 'pakistan-rejects-us-claims-of-haqqani-ties'
const [lead] = pakistan.body

/**
 * The seed story uploaded again as Markdown: a heading, a quote and a list, no byline and no
 * publication date (so feeds fall back to when it was stored), a lead image and a language.
 */
export const haqqani: Article = {
  ...pakistan,
  id: '01JDB3M8V2C4E6G8J0K2M4P6R8',
  slug: haqqaniSlug,
  url: `/articles/${haqqaniSlug}`,
  title: 'Pakistan rejects U.S. claims of Haqqani ties',
  headline: 'Pakistan rejects U.S. claims of Haqqani ties',
  kicker: null,
  dateline: null,
  authors: [],
  body: [
    lead!,
    { type: 'heading', level: 2, text: '“A categoric no”' },
    {
      type: 'quote',
      text: 'Our capacity to trace them in that area is limited. Give us the information and we will operate.',
    },
    {
      type: 'list',
      ordered: false,
      items: [
        'Sept. 13: the attack on the U.S. Embassy in Kabul',
        '$1 billion: the Pakistan Counterinsurgency Capability Fund, conditioned on cooperation',
      ],
    },
  ],
  related: [],
  notices: [],
  tags: [
    { name: 'Pakistan', slug: 'pakistan' },
    { name: 'U.S. & Pakistan', slug: 'us-pakistan' },
  ],
  summary: 'Islamabad denies that its intelligence agency keeps ties with the Haqqani network.',
  wordCount: 92,
  publishedAt: null,
  language: 'en-US',
  image: { url: 'https://images.example.com/islamabad-press-conference.jpg', caption: null },
  readingMinutes: 1,
  createdAt: '2025-11-30T09:15:00.000Z',
  updatedAt: '2025-12-01T17:45:30.000Z',
  revision: 3,
  source: {
    format: 'markdown',
    url: null,
    contentHash: '3c5d1e0f7a9b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d',
  },
}

export const siteFeed: FeedInfo = {
  title: 'Edge Articles',
  path: '/feed.xml',
  htmlPath: '/',
  updatedFallback: '2025-12-02T00:00:00.000Z',
}

export const authorFeed: FeedInfo = {
  title: 'Alex Rodriguez | Edge Articles',
  path: '/authors/alex-rodriguez/feed.xml',
  htmlPath: '/authors/alex-rodriguez',
  updatedFallback: '2025-12-02T00:00:00.000Z',
}
