import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/model/article'
import { renderAtomFeed } from '../../../src/views/feeds'
import { count } from '../html'
import { authorFeed, haqqani, pakistan, site, siteFeed, slug } from './fixtures'
import { child, childrenNamed, childText, parseXml, type XmlElement } from './xml-check'

const origin = 'http://127.0.0.1:8787'
const pakistanUrl = `${origin}/articles/${slug}`
const haqqaniUrl = `${origin}/articles/pakistan-rejects-us-claims-of-haqqani-ties`

const entryFor = (feed: XmlElement, id: string) => {
  const found = childrenNamed(feed, 'entry').find((entry) => childText(entry, 'id') === id)
  if (!found) throw new Error(`no entry ${id}`)
  return found
}

describe('Atom feed', () => {
  const xml = renderAtomFeed(siteFeed, [pakistan, haqqani], site)
  const feed = parseXml(xml)

  it('is a well-formed Atom document with the declaration first', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed ')).toBe(true)
    expect(feed.name).toBe('feed')
    expect(feed.attributes).toEqual({ xmlns: 'http://www.w3.org/2005/Atom' })
  })

  it('names itself by its absolute URL and links to itself and its HTML page', () => {
    expect(childText(feed, 'id')).toBe(`${origin}/feed.xml`)
    expect(childText(feed, 'title')).toBe('Edge Articles')
    expect(childrenNamed(feed, 'link').map((link) => link.attributes)).toEqual([
      { rel: 'self', type: 'application/atom+xml', href: `${origin}/feed.xml` },
      { rel: 'alternate', type: 'text/html', href: `${origin}/` },
    ])
    expect(childText(feed, 'generator')).toBe('edge-articles')
  })

  it('is as new as its newest entry, whatever the order', () => {
    expect(childText(feed, 'updated')).toBe('2025-12-01T17:45:30.000Z')
  })

  it('credits the site at feed level, for entries that name no author', () => {
    const author = child(feed, 'author')
    expect(childText(author, 'name')).toBe('Edge Articles')
    expect(childText(author, 'uri')).toBe(`${origin}/`)
    expect(childrenNamed(entryFor(feed, haqqaniUrl), 'author')).toEqual([])
  })

  it('gives each entry its article URL as id and link, and its dates in RFC 3339', () => {
    const entry = entryFor(feed, pakistanUrl)
    expect(childText(entry, 'title')).toBe('Islamabad won’t tolerate U.S. boots on the ground')
    expect(child(entry, 'link').attributes).toEqual({
      rel: 'alternate',
      type: 'text/html',
      href: pakistanUrl,
    })
    expect(childText(entry, 'published')).toBe('2011-09-22T00:00:00.000Z')
    expect(childText(entry, 'updated')).toBe('2025-11-29T06:30:00.000Z')
    expect(childText(entry, 'summary')).toBe(pakistan.summary)
  })

  it('falls back to when the article was stored when it has no publication date', () => {
    const entry = entryFor(feed, haqqaniUrl)
    expect(childText(entry, 'published')).toBe('2025-11-30T09:15:00.000Z')
    expect(childText(entry, 'updated')).toBe('2025-12-01T17:45:30.000Z')
    expect(entry.attributes).toEqual({ 'xml:lang': 'en-US' })
  })

  it('names each author with a link to the author page, in byline order', () => {
    const two: Article = {
      ...pakistan,
      authors: [...pakistan.authors, { name: 'Mark Magnier', slug: 'mark-magnier' }],
    }
    const entry = child(parseXml(renderAtomFeed(siteFeed, [two], site)), 'entry')
    expect(
      childrenNamed(entry, 'author').map((a) => [childText(a, 'name'), childText(a, 'uri')]),
    ).toEqual([
      ['Alex Rodriguez', `${origin}/authors/alex-rodriguez`],
      ['Mark Magnier', `${origin}/authors/mark-magnier`],
    ])
  })

  it('files each entry under its tags, slug as term and name as label', () => {
    const categories = childrenNamed(entryFor(feed, haqqaniUrl), 'category')
    expect(categories.map((c) => c.attributes)).toEqual([
      { term: 'pakistan', label: 'Pakistan' },
      { term: 'us-pakistan', label: 'U.S. & Pakistan' },
    ])
    expect(xml).toContain('<category term="us-pakistan" label="U.S. &amp; Pakistan"/>')
  })

  it('carries the body as escaped HTML, the same markup as the article page', () => {
    const content = child(entryFor(feed, pakistanUrl), 'content')
    expect(content.attributes).toEqual({ type: 'html' })
    const html = childText(entryFor(feed, pakistanUrl), 'content')
    expect(
      html.startsWith('<div class="body"><p><span class="dateline">ISLAMABAD, PAKISTAN —'),
    ).toBe(true)
    expect(count(html, '<p>')).toBe(12)
    expect(xml).toContain(
      '<content type="html">&lt;div class=&quot;body&quot;&gt;&lt;p&gt;&lt;span class=&quot;dateline&quot;&gt;',
    )
  })

  it('renders headings, quotes and lists in the body', () => {
    expect(childText(entryFor(feed, haqqaniUrl), 'content')).toContain(
      '<h2>“A categoric no”</h2><blockquote><p>Our capacity to trace them in that area is limited.' +
        ' Give us the information and we will operate.</p></blockquote>' +
        '<ul><li>Sept. 13: the attack on the U.S. Embassy in Kabul</li>',
    )
  })

  it('keeps an entry’s id when the article is edited', () => {
    const edited = {
      ...pakistan,
      headline: 'Pakistan warns U.S.',
      updatedAt: '2025-12-03T08:00:00Z',
    }
    const entry = child(parseXml(renderAtomFeed(siteFeed, [edited], site)), 'entry')
    expect(childText(entry, 'id')).toBe(pakistanUrl)
    expect(childText(entry, 'updated')).toBe('2025-12-03T08:00:00.000Z')
  })

  it('links to the next page when there is one', () => {
    const paged = { ...siteFeed, nextPath: '/feed.xml?cursor=WyIyMDExIiwiMDEifQ&x=1' }
    const links = childrenNamed(parseXml(renderAtomFeed(paged, [pakistan], site)), 'link')
    expect(links.map((link) => link.attributes.rel)).toEqual(['self', 'alternate', 'next'])
    expect(links[2]!.attributes.href).toBe(`${origin}/feed.xml?cursor=WyIyMDExIiwiMDEifQ&x=1`)
  })

  it('serves an author’s feed from the same function', () => {
    const authorXml = parseXml(renderAtomFeed(authorFeed, [pakistan], site))
    expect(childText(authorXml, 'id')).toBe(`${origin}/authors/alex-rodriguez/feed.xml`)
    expect(childText(authorXml, 'title')).toBe('Alex Rodriguez | Edge Articles')
    expect(childrenNamed(authorXml, 'link').map((link) => link.attributes.href)).toEqual([
      `${origin}/authors/alex-rodriguez/feed.xml`,
      `${origin}/authors/alex-rodriguez`,
    ])
  })

  it('takes a subtitle and a language when the feed has them', () => {
    const described = { ...siteFeed, description: 'Latest articles', language: 'en' }
    const root = parseXml(renderAtomFeed(described, [], site))
    expect(root.attributes['xml:lang']).toBe('en')
    expect(childText(root, 'subtitle')).toBe('Latest articles')
  })
})

describe('Atom feed without entries', () => {
  const feed = parseXml(renderAtomFeed(siteFeed, [], site))

  it('is still valid: dated by the fallback, credited to the site', () => {
    expect(childText(feed, 'updated')).toBe('2025-12-02T00:00:00.000Z')
    expect(childText(child(feed, 'author'), 'name')).toBe('Edge Articles')
    expect(childrenNamed(feed, 'entry')).toEqual([])
  })

  it('refuses a fallback that is not a date', () => {
    expect(() => renderAtomFeed({ ...siteFeed, updatedFallback: 'yesterday' }, [], site)).toThrow(
      RangeError,
    )
  })
})

describe('Atom dates', () => {
  const entryDates = (changes: Partial<Article>) => {
    const entry = child(
      parseXml(renderAtomFeed(siteFeed, [{ ...pakistan, ...changes }], site)),
      'entry',
    )
    return [childText(entry, 'published'), childText(entry, 'updated')]
  }

  it('turns a bare publication date into midnight UTC', () => {
    expect(entryDates({ publishedAt: '2011-09-22' })[0]).toBe('2011-09-22T00:00:00.000Z')
  })

  it('turns an offset into UTC', () => {
    expect(entryDates({ publishedAt: '2011-09-22T10:00:00+05:00' })[0]).toBe(
      '2011-09-22T05:00:00.000Z',
    )
  })

  it('falls back from dates that are not dates', () => {
    expect(entryDates({ publishedAt: '2011-02-30', updatedAt: 'soon' })).toEqual([
      '2025-11-29T06:30:00.000Z',
      '2025-11-29T06:30:00.000Z',
    ])
  })
})
