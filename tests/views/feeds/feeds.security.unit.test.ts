import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/model/article'
import { renderAtomFeed, renderJsonFeed, renderSitemap } from '../../../src/views/feeds'
import { pakistan, siteFeed } from './fixtures'
import { child, childrenNamed, childText, parseXml, textOf } from './xml-check'

// Markup, XML's special characters, a CDATA end, characters XML 1.0 forbids (C0 controls, U+FFFE,
// U+FFFF, lone surrogates) next to those it allows (tab, LF, CR, an astral emoji), U+2028.
const EVIL =
  '<script>alert("x")</script> &amp; \' ]]> <![CDATA[ ' +
  '\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF \uDC00x\uD800 \t\n\r 😀 \u2028 \uD83D'
// What survives: everything but the forbidden characters.
const SAFE = '<script>alert("x")</script> &amp; \' ]]> <![CDATA[  x \t\n\r 😀 \u2028 '

const evil = (field: string) => `${field} ${EVIL}`
const safe = (field: string) => `${field} ${SAFE}`

const hostile: Article = {
  ...pakistan,
  url: '/articles/evil?a=1&b=<2>',
  headline: evil('headline'),
  dateline: evil('dateline'),
  authors: [{ name: evil('author'), slug: 'alex-rodriguez' }],
  body: [
    { type: 'paragraph', text: evil('paragraph') },
    { type: 'heading', level: 3, text: evil('heading') },
    { type: 'quote', text: evil('quote') },
    { type: 'list', ordered: true, items: [evil('item')] },
  ],
  tags: [{ name: evil('tag'), slug: evil('tag-slug') }],
  summary: evil('summary'),
  publishedAt: evil('2011-09-22'),
  updatedAt: evil('updated'),
  language: evil('en'),
  image: { url: 'https://example.com/a.jpg?q="<script>"&r=\'\uD800\'', caption: null },
}
const hostileSite = { name: evil('site'), origin: 'http://127.0.0.1:8787' }
const hostileFeed = { ...siteFeed, title: evil('title'), description: evil('description') }

describe('Atom feed from hostile text', () => {
  const xml = renderAtomFeed(hostileFeed, [hostile], hostileSite)
  const feed = parseXml(xml)
  const entry = child(feed, 'entry')

  it('stays well-formed and opens no element the renderer did not make', () => {
    expect(xml).not.toContain('<script')
    expect(xml).not.toContain('<![CDATA[')
    expect(childrenNamed(entry, 'script')).toEqual([])
  })

  it('keeps every text field exactly, less the characters XML forbids', () => {
    expect(childText(feed, 'title')).toBe(safe('title'))
    expect(childText(feed, 'subtitle')).toBe(safe('description'))
    expect(childText(child(feed, 'author'), 'name')).toBe(safe('site'))
    expect(childText(entry, 'title')).toBe(safe('headline'))
    expect(childText(entry, 'summary')).toBe(safe('summary'))
    expect(childText(child(entry, 'author'), 'name')).toBe(safe('author'))
    // A parser reads tab, LF and CR in an attribute as spaces.
    expect(child(entry, 'category').attributes).toEqual({
      term: safe('tag-slug').replace(/[\t\n\r]/g, ' '),
      label: safe('tag').replace(/[\t\n\r]/g, ' '),
    })
  })

  it('escapes the body as HTML, then that HTML as XML text', () => {
    const html = childText(entry, 'content')
    expect(html).not.toContain('<script')
    expect(html).toContain(
      '</span> paragraph &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;amp;',
    )
    expect(html).toContain('<h3>heading &lt;script&gt;')
    expect(html).toContain('<ol><li>item &lt;script&gt;')
    expect(xml).toContain(
      '&lt;/span&gt; paragraph &amp;lt;script&amp;gt;alert(&amp;quot;x&amp;quot;)',
    )
  })

  it('keeps URLs on the site and drops dates and a language it cannot read', () => {
    expect(childText(entry, 'id')).toBe('http://127.0.0.1:8787/articles/evil?a=1&b=<2>')
    expect(childText(entry, 'published')).toBe('2025-11-29T06:30:00.000Z')
    expect(childText(entry, 'updated')).toBe('2025-11-29T06:30:00.000Z')
    expect(entry.attributes).toEqual({})
  })
})

describe('JSON Feed from hostile text', () => {
  const json = renderJsonFeed(hostileFeed, [hostile], hostileSite)
  const feed = JSON.parse(json) as Record<string, unknown>
  const item = (feed.items as Record<string, unknown>[])[0]!

  it('has no lone surrogates or forbidden controls, even as \\u escapes', () => {
    expect(json).not.toMatch(/\\u(?:d[89a-f]|000[0-8bcef]|001[0-9a-f]|fff[ef])/i)
    expect(json).toContain('😀')
  })

  it('keeps every text field exactly, less the characters XML forbids', () => {
    expect(feed.title).toBe(safe('title'))
    expect(feed.description).toBe(safe('description'))
    expect(feed.authors).toEqual([{ name: safe('site'), url: 'http://127.0.0.1:8787/' }])
    expect(item.title).toBe(safe('headline'))
    expect(item.summary).toBe(safe('summary'))
    expect(item.authors).toEqual([
      { name: safe('author'), url: 'http://127.0.0.1:8787/authors/alex-rodriguez' },
    ])
    expect(item.tags).toEqual([safe('tag')])
    expect(item.content_text).toBe(
      [
        `${safe('dateline')} — ${safe('paragraph')}`,
        safe('heading'),
        safe('quote'),
        `1. ${safe('item')}`,
      ].join('\n\n'),
    )
    expect(item.image).toBe('https://example.com/a.jpg?q="<script>"&r=\'\'')
    expect(item).not.toHaveProperty('language')
  })

  it('escapes the body as HTML', () => {
    expect(item.content_html).not.toContain('<script')
    expect(item.content_html).toContain('<p><span class="dateline">dateline &lt;script&gt;')
  })
})

describe('sitemap from hostile paths', () => {
  it('escapes and percent-encodes, and never leaves the site', () => {
    const urlset = parseXml(
      renderSitemap(
        [
          { path: `/articles/${EVIL}`, lastmod: EVIL },
          { path: '//evil.example/', lastmod: null },
        ],
        { name: 'x', origin: 'http://127.0.0.1:8787' },
      ),
    )
    const locs = childrenNamed(urlset, 'url').map((url) => textOf(child(url, 'loc')))
    for (const loc of locs) expect(new URL(loc).host).toBe('127.0.0.1:8787')
    expect(locs[0]).not.toMatch(/[<>"\s]/)
    expect(childrenNamed(childrenNamed(urlset, 'url')[0]!, 'lastmod')).toEqual([])
  })
})
