import { describe, expect, it } from 'vitest'
import { normalizeUpload } from '../../../src/ingest'
import newsJsonLd from './fixtures/news-jsonld.html?raw'
import ogByline from './fixtures/og-byline.html?raw'
import oldStyle from './fixtures/old-style.html?raw'
import orgAuthor from './fixtures/org-author.html?raw'

const html = (text: string, meta = {}) => normalizeUpload({ format: 'html', text }, meta)

describe('a news page with JSON-LD, navigation, comments and a sidebar', () => {
  const a = html(newsJsonLd)

  it('takes headline, people, dates and page facts from structured data', () => {
    expect(a.title).toBe('State board delays vote on groundwater limits')
    expect(a.slug).toBe('state-board-delays-vote-on-groundwater-limits')
    expect(a.authors).toEqual([
      { name: 'Ana Ruiz', slug: 'ana-ruiz' },
      { name: 'Tom O’Neil', slug: 'tom-oneil' },
    ])
    expect(a.publishedAt).toBe('2023-05-09T21:30:00.000Z')
    expect(a.modifiedAt).toBe('2023-05-10T15:05:00.000Z')
    expect(a.sourceUrl).toBe(
      'https://www.valleyledger.example/news/2023/05/09/groundwater-vote-delayed/',
    )
    expect(a.siteName).toBe('The Valley Ledger')
    expect(a.language).toBe('en-US')
  })

  it('makes the og:image absolute and captions it from the lead figure', () => {
    expect(a.image).toEqual({
      url: 'https://www.valleyledger.example/media/2023/05/wells-1200.jpg',
      caption: 'A well pumps water near Fresno on Monday. (Maria Lopez / The Valley Ledger)',
    })
  })

  it('keeps the article text as typed blocks, in order, and nothing around it', () => {
    expect(a.dateline).toBe('SACRAMENTO')
    expect(a.body).toEqual([
      {
        type: 'paragraph',
        text: 'The State Water Resources Control Board on Tuesday postponed a vote on limits for groundwater pumping in the southern San Joaquin Valley, after farmers, cities and tribes asked for more time.',
      },
      {
        type: 'paragraph',
        text: 'The proposed caps would cut pumping by as much as a third in some basins by 2030, according to a staff report released last month.',
      },
      {
        type: 'paragraph',
        text: '“We are not against a plan,” said Rosa Mendez, who farms almonds near Tulare. “We are against a plan that nobody has read.”',
      },
      { type: 'heading', level: 2, text: 'What the board proposed' },
      {
        type: 'paragraph',
        text: 'The plan sets three limits, each tied to how far the water table has fallen since 2015:',
      },
      {
        type: 'list',
        ordered: false,
        items: [
          'Basins that lost more than 20 feet would cut pumping by a third.',
          'Basins that lost 10 to 20 feet would cut by a fifth.',
          'All other basins would report their use every month.',
        ],
      },
      { type: 'quote', text: 'The valley cannot keep borrowing water from its grandchildren.' },
      {
        type: 'paragraph',
        text: 'The board will take up the plan again on June 14, a spokesperson said.',
      },
    ])
  })

  it('turns an in-text "Related:" link into a related link, never body text', () => {
    expect(a.related).toEqual([
      {
        title: 'Hundreds of domestic wells ran dry last summer',
        url: 'https://www.valleyledger.example/news/2023/04/12/wells-running-dry/',
      },
    ])
    const text = JSON.stringify(a)
    for (const chrome of ['Advertisement', 'Waterwatcher', 'Lee Chan', 'newsletter', 'Most read']) {
      expect(text).not.toContain(chrome)
    }
  })
})

describe('a page with only OpenGraph and a .byline element', () => {
  const a = html(ogByline)

  it('splits "By A and B, Staff Writers" into people, without the job title', () => {
    expect(a.authors).toEqual([
      { name: 'Jane Doe', slug: 'jane-doe' },
      { name: 'John Roe', slug: 'john-roe' },
    ])
  })

  it('reads title, dates, URL and site from the meta tags', () => {
    expect(a.title).toBe('Harbor ferry fares to rise 40 cents in July')
    expect(a.publishedAt).toBe('2022-03-18T06:00:00.000Z')
    expect(a.modifiedAt).toBe('2022-03-18T17:45:12.000Z')
    expect(a.sourceUrl).toBe('https://baysidecourier.example/2022/03/18/ferry-fares-rise/')
    expect(a.siteName).toBe('Bayside Courier')
    expect(a.image).toEqual({
      url: 'https://baysidecourier.example/wp-content/uploads/2022/03/ferry.jpg',
      caption: null,
    })
  })

  it('shows body photos as figures and leaves sharing, related posts and comments out', () => {
    expect(a.body.map((b) => b.type)).toEqual([
      'paragraph',
      'paragraph',
      'figure',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
    ])
    // The photo in the text is a figure, its credit split off the caption.
    expect(a.body[2]).toEqual({
      type: 'figure',
      text: 'Commuters board the 7:40 a.m. ferry at Pier 3.',
      url: 'https://baysidecourier.example/wp-content/uploads/2022/03/dock.jpg',
      alt: '',
      credit: 'Photo: Sam Park',
    })
    expect(a.body[4]).toEqual({ type: 'heading', level: 3, text: 'Two members opposed' })
    expect(a.body.at(-1)).toEqual({ type: 'paragraph', text: 'The new fares take effect July 1.' })
    expect(a.captions).toEqual([])
    expect(a.related).toEqual([
      {
        title: 'Ferry budget shortfall grows to $1.2 million',
        url: 'https://baysidecourier.example/2022/02/10/ferry-budget/',
      },
    ])
    expect(JSON.stringify(a)).not.toMatch(/Pat Kim|Share this|Facebook|Pier 3 repairs/)
  })

  it('strips the site name from <title> when the page has nothing better', () => {
    const bare = ogByline
      .replace(/<meta property="og:(?:title|site_name)"[^>]*>/g, '')
      .replace(/<h1[^]*?<\/h1>/, '')
    expect(html(bare).title).toBe('Harbor ferry fares to rise 40 cents in July')
    expect(html(bare).siteName).toBeNull()
  })
})

describe('an old page with no metadata', () => {
  const a = html(oldStyle)

  it('finds the headline the page shows inside its <title>', () => {
    expect(a.title).toBe('Mill closing leaves 300 without work')
  })

  it('takes byline, date and dateline from the text itself', () => {
    expect(a.authors).toEqual([{ name: 'Mary Smith', slug: 'mary-smith' }])
    expect(a.publishedAt).toBe('2004-03-03')
    expect(a.dateline).toBe('SPRINGFIELD (AP)')
  })

  it('reads <br>-separated text as paragraphs, without the menu or the copyright line', () => {
    expect(a.body).toHaveLength(4)
    expect(a.body[0]).toEqual({
      type: 'paragraph',
      text: 'The Hartwell paper mill will close at the end of the month, putting about 300 people out of work, the company said Tuesday.',
    })
    expect(a.body[3]).toEqual({
      type: 'paragraph',
      text: 'Mayor Ellen Bauer said the city would ask the state for retraining money. "Three hundred jobs is three hundred families," she said.',
    })
    expect(a.sourceUrl).toBeNull()
  })

  it('fills what the page lacks from the upload meta', () => {
    const meta = { sourceUrl: 'https://gazette.example/2004/mill.html', publishedAt: '2004-03-02' }
    const withMeta = html(oldStyle, meta)
    expect(withMeta.sourceUrl).toBe('https://gazette.example/2004/mill.html')
    expect(withMeta.publishedAt).toBe('2004-03-03')
  })
})

describe('a page whose JSON-LD author is an organization', () => {
  const a = html(orgAuthor)

  it('names no author rather than the site', () => {
    expect(a.authors).toEqual([])
    expect(a.siteName).toBe('Daily Planet')
  })

  it('still takes headline, date, image and a dateline with its agency', () => {
    expect(a.title).toBe('Climate summit ends with pledge on methane')
    expect(a.publishedAt).toBe('2021-11-02T23:15:00.000Z')
    expect(a.image).toEqual({
      url: 'https://img.dailyplanet.example/2021/11/summit.jpg',
      caption: null,
    })
    expect(a.dateline).toBe('GLASGOW, Scotland (Reuters)')
    expect(a.body[0]).toEqual({
      type: 'paragraph',
      text: 'More than 100 countries agreed on Tuesday to cut emissions of methane by 30 percent from 2020 levels by the end of the decade, as the two-week climate summit drew to a close.',
    })
    expect(a.language).toBe('en-GB')
  })

  it('resolves a relative canonical URL against the upload’s sourceUrl', () => {
    expect(a.sourceUrl).toBeNull()
    const withMeta = html(orgAuthor, { sourceUrl: 'https://dailyplanet.example/amp/123' })
    expect(withMeta.sourceUrl).toBe(
      'https://dailyplanet.example/world/2021/11/02/summit-methane-pledge',
    )
  })
})
