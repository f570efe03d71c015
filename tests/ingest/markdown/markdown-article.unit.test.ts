import { describe, expect, it } from 'vitest'
import bareTitle from './fixtures/bare-title.md?raw'
import ghostExport from './fixtures/ghost-export.md?raw'
import hugoPost from './fixtures/hugo-post.md?raw'
import jekyllPost from './fixtures/jekyll-post.md?raw'
import { markdown } from './helpers'

describe('a Hugo post', () => {
  const article = markdown(hugoPost)

  it('takes its fields from the front matter and ignores Hugo’s own keys', () => {
    expect(article).toMatchObject({
      slug: 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground',
      title: 'PAKISTAN: Islamabad won’t tolerate U.S. boots on the ground',
      headline: 'Islamabad won’t tolerate U.S. boots on the ground',
      kicker: 'PAKISTAN',
      authors: [{ name: 'Alex Rodriguez', slug: 'alex-rodriguez' }],
      tags: [
        { name: 'PAKISTAN', slug: 'pakistan' },
        { name: 'Afghanistan', slug: 'afghanistan' },
        { name: 'Haqqani network', slug: 'haqqani-network' },
      ],
      publishedAt: '2011-09-22T17:00:00.000Z',
      modifiedAt: '2011-09-23T15:30:00.000Z',
      sourceUrl: 'https://latimesblogs.latimes.com/world_now/2011/09/pakistan-haqqani-network.html',
      siteName: 'Los Angeles Times',
      language: 'en-US',
      notices: [
        'This article was originally on a blog post platform and may be missing photos, graphics or links.',
      ],
      captions: [],
    })
    expect(article.related).toEqual([
      { title: 'U.N.: Iran’s Mahmoud Ahmadinejad speaks; many diplomats walk out', url: null },
      {
        title: 'Taliban offshoot blamed for assault on U.S. Embassy in Kabul',
        url: 'https://latimesblogs.latimes.com/world_now/2011/09/kabul-embassy-attack.html',
      },
    ])
  })

  it('makes the image that opens the body the lead image, resolved against the canonical URL', () => {
    expect(article.image).toEqual({
      url: 'https://latimesblogs.latimes.com/images/2011/09/waziristan-patrol.jpg',
      caption: 'Pakistani soldiers on patrol in the North Waziristan tribal region. (AP Photo)',
    })
  })

  it('drops the h1 that repeats the title and takes the dateline off the first paragraph', () => {
    expect(article.dateline).toBe('ISLAMABAD, PAKISTAN')
    expect(article.body[0]).toEqual({
      type: 'paragraph',
      text: 'Pakistan on Thursday rejected Washington’s allegations that it maintains links with the militant Haqqani network and warned that it would not tolerate any ground operation to hunt down members of the group.',
    })
  })

  it('maps headings, quotes and lists to blocks, links and emphasis to runs', () => {
    expect(article.body.slice(1)).toEqual([
      {
        type: 'paragraph',
        text: 'Since the Sept. 13 attack on the U.S. Embassy in Kabul, the Afghan capital, American military and civilian leaders have urged Pakistan’s primary intelligence agency, Inter-Services Intelligence, to sever its ties with the Haqqani group.',
        spans: [
          {
            text: 'Since the Sept. 13 attack on the U.S. Embassy in Kabul, the Afghan capital, American military and civilian leaders have urged Pakistan’s primary intelligence agency, ',
          },
          { text: 'Inter-Services Intelligence', em: true },
          { text: ', to sever its ties with the Haqqani group.' },
        ],
      },
      {
        type: 'paragraph',
        text: 'The language coming from Washington has been particularly strong, with Adm. Mike Mullen, chairman of the U.S. Joint Chiefs of Staff, accusing the ISI of using the Haqqani network to wage a proxy war against U.S., NATO and Afghan forces in Afghanistan.',
        spans: [
          { text: 'The language coming from Washington has been particularly strong, with ' },
          { text: 'Adm. Mike Mullen', strong: true },
          {
            text: ', chairman of the U.S. Joint Chiefs of Staff, accusing the ISI of using the Haqqani network to wage a proxy war against U.S., NATO and Afghan forces in Afghanistan.',
          },
        ],
      },
      { type: 'heading', level: 2, text: '“A categoric no”' },
      {
        type: 'paragraph',
        text: 'Pakistan’s Foreign Ministry spokeswoman, Tehmina Janjua, when asked at a press conference whether there was any truth to Mullen’s charge, tersely answered:',
      },
      { type: 'quote', text: 'I would say a categoric no.' },
      {
        type: 'paragraph',
        text: 'Pakistani Interior Minister Rehman Malik also rejected the allegations, saying in an interview with Reuters:',
        spans: [
          {
            text: 'Pakistani Interior Minister Rehman Malik also rejected the allegations, saying in an interview with ',
          },
          { text: 'Reuters', href: 'https://www.reuters.com/' },
          { text: ':' },
        ],
      },
      { type: 'quote', text: 'The Pakistan nation will not allow the boots on our ground, never.' },
      { type: 'quote', text: 'They must respect our sovereignty.' },
      { type: 'paragraph', text: 'The stakes are high for both sides:' },
      {
        type: 'list',
        ordered: true,
        items: [
          'The U.S. needs Pakistan’s cooperation in bringing an end to the 10-year conflict against the Taliban in Afghanistan.',
          'Pakistan is heavily dependent on U.S. aid to help revamp critical infrastructure & battle its homegrown militancy.',
        ],
      },
    ])
    expect(article.wordCount).toBe(214)
  })
})

describe('a Jekyll post', () => {
  const article = markdown(jekyllPost)

  it('reads Jekyll’s date format, an author list and comma-separated tags', () => {
    expect(article.title).toBe('U.N.: Iran’s Mahmoud Ahmadinejad speaks; many diplomats walk out')
    expect(article.kicker).toBe('U.N.')
    expect(article.dateline).toBe('NEW YORK')
    expect(article.publishedAt).toBe('2011-09-22T18:35:00.000Z')
    expect(article.authors.map((a) => a.name)).toEqual(['Paul Richter', 'Ramin Mostaghim'])
    expect(article.tags.map((t) => t.name)).toEqual([
      'U.N.',
      'iran',
      'united nations',
      'Mahmoud Ahmadinejad',
    ])
    expect(article.body).toHaveLength(2)
    expect(article.sourceUrl).toBeNull()
  })
})

describe('a Ghost export', () => {
  const article = markdown(ghostExport)

  it('reads Ghost’s key names and its author and tag objects', () => {
    expect(article.title).toBe('City crews restore downtown traffic signals after overnight outage')
    expect(article.publishedAt).toBe('2009-12-01T15:17:00.000Z')
    expect(article.modifiedAt).toBe('2009-12-01T18:02:41.000Z')
    expect(article.sourceUrl).toBeNull()
    expect(article.authors).toEqual([
      { name: 'Maria Lopez', slug: 'maria-lopez' },
      { name: 'David Chen', slug: 'david-chen' },
    ])
    expect(article.tags).toEqual([
      { name: 'L.A. Now', slug: 'la-now' },
      { name: 'Traffic', slug: 'traffic' },
    ])
    expect(article.image).toEqual({
      url: 'https://images.example-news.com/content/images/2009/12/signals.jpg',
      caption: null,
    })
  })

  it('keeps the words of HTML cards and moves a figcaption to the captions', () => {
    expect(article.body).toEqual([
      {
        type: 'paragraph',
        text: 'Traffic signals at 14 downtown intersections went dark for nearly four hours early Tuesday after a software upgrade to the city’s signal controllers failed, transportation officials said.',
      },
      {
        type: 'paragraph',
        text: 'Officers directed traffic at the busiest crossings until crews restored power shortly before the morning commute, a spokesman for the Department of Transportation said.',
      },
      {
        type: 'paragraph',
        text: 'The department said it would review the upgrade before installing it elsewhere.',
      },
      { type: 'paragraph', text: 'Drivers can report a dark signal by calling 311.' },
    ])
    expect(article.captions).toEqual([
      'Crews reset a signal controller at 5th and Flower streets. (Los Angeles Times)',
    ])
  })
})

describe('a file with no front matter', () => {
  it('takes its title from the h1, and the upload’s query string fills the rest', () => {
    const article = markdown(bareTitle, {
      sourceUrl: 'https://latimesblogs.latimes.com/world_now/2011/09/kabul-embassy-attack.html',
      publishedAt: '2011-09-14',
    })
    expect(article).toMatchObject({
      title: 'Taliban offshoot blamed for assault on U.S. Embassy in Kabul',
      kicker: null,
      dateline: 'KABUL, AFGHANISTAN',
      authors: [],
      publishedAt: '2011-09-14',
      sourceUrl: 'https://latimesblogs.latimes.com/world_now/2011/09/kabul-embassy-attack.html',
      image: null,
    })
    expect(article.body).toEqual([
      {
        type: 'paragraph',
        text: 'U.S. officials on Wednesday blamed the Haqqani network for the daylong assault on the American Embassy and NATO headquarters in the Afghan capital.',
      },
      {
        type: 'paragraph',
        text: 'Insurgents armed with rocket-propelled grenades and assault rifles fired from a building under construction near the embassy compound.',
      },
    ])
  })

  it('reads the same with a BOM and CRLF line endings', () => {
    expect(markdown(`\uFEFF${bareTitle.replace(/\n/g, '\r\n')}`)).toEqual(markdown(bareTitle))
  })
})
