import { describe, expect, it } from 'vitest'
import type { Article, ArticleSummary } from '../../src/model/article'
import { renderArticlePage } from '../../src/views/article-page'
import { renderErrorPage } from '../../src/views/error-page'
import { renderIndexPage } from '../../src/views/index-page'
import { ICON } from '../../src/views/layout'
import { pakistan, site } from './fixtures'
import { count, jsonLd, parseElements } from './html'

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
]
const evil = (field: string) => `${field} ${PAYLOADS.join(' ')} \u2028\u2029 <!-- &amp;`
const named = (field: string) => ({ name: evil(field), slug: evil(`${field}-slug`) })

const hostile: Article = {
  ...pakistan,
  slug: evil('slug'),
  url: `/articles/${encodeURIComponent(evil('slug'))}`,
  title: evil('title'),
  headline: evil('headline'),
  kicker: evil('kicker'),
  dateline: evil('dateline'),
  authors: [named('author'), named('second author')],
  body: [
    { type: 'paragraph', text: evil('paragraph') },
    { type: 'heading', level: 2, text: evil('heading') },
    { type: 'quote', text: evil('quote') },
    { type: 'list', ordered: false, items: [evil('item')] },
  ],
  related: [
    { title: evil('related'), url: 'javascript:alert(1)' },
    { title: evil('related'), url: evil('https://example.com/') },
    { title: evil('related'), url: `/${evil('path')}` },
  ],
  notices: [evil('notice')],
  captions: [evil('caption')],
  tags: [named('kicker'), named('tag')],
  summary: evil('summary'),
  publishedAt: evil('2011-09-22'),
  updatedAt: evil('updated'),
  source: { ...pakistan.source, url: evil('https://example.com/source') },
}

const hostileSummary: ArticleSummary = {
  id: hostile.id,
  slug: hostile.slug,
  url: hostile.url,
  title: hostile.title,
  headline: hostile.headline,
  kicker: hostile.kicker,
  authors: hostile.authors,
  summary: hostile.summary,
  publishedAt: '2011-09-22T00:00:00.000Z',
  updatedAt: hostile.updatedAt,
  revision: 1,
  readingMinutes: 1,
}

const hostileSite = { name: evil('site'), origin: 'http://127.0.0.1:8787' }

const pages = {
  article: renderArticlePage(hostile, hostileSite),
  index: renderIndexPage([hostileSummary], evil('cursor'), hostileSite, {
    heading: evil('heading'),
    basePath: '/tags/x',
    cursor: evil('current cursor'),
  }),
  error: renderErrorPage(404, evil('message'), hostileSite),
}

describe.each(Object.entries(pages))('%s page with hostile input', (name, html) => {
  it('keeps every payload as text', () => {
    expect(html).not.toContain('<script>alert')
    expect(html).not.toMatch(/<img/i)
    expect(html).not.toMatch(/href="\s*javascript:/i)
    expect(html).not.toContain('<!--')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('parses to no element or attribute the payloads tried to add', async () => {
    const elements = await parseElements(html)
    const tags = new Set(elements.map((el) => el.tag))
    expect(tags.has('img')).toBe(false)
    for (const el of elements) {
      for (const [attribute, value] of el.attributes) {
        expect(attribute).not.toMatch(/^on/)
        // The one data: URL is the layout's own icon, a constant.
        const icon = el.tag === 'link' && el.attributes.get('rel') === 'icon' && value === ICON
        if (attribute === 'href' && !icon) expect(value).toMatch(/^(https?:\/\/|\/(?![/\\])|#)/)
      }
    }
    const scripts = elements.filter((el) => el.tag === 'script')
    expect(scripts.length).toBe(name === 'article' ? 1 : 0)
  })
})

describe('article page with hostile input', () => {
  const html = pages.article

  it('has exactly one script element, the JSON-LD, closed once', () => {
    expect(count(html.toLowerCase(), '<script')).toBe(1)
    expect(count(html.toLowerCase(), '</script')).toBe(1)
    expect(html).toContain('<script type="application/ld+json">')
  })

  it('escapes the JSON-LD so it cannot break out, yet it reads back unchanged', () => {
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1]
    expect(block).toBeDefined()
    expect(block).not.toMatch(/[<>&\u2028\u2029]/)
    const data = jsonLd(html)
    expect(data.headline).toBe(hostile.headline)
    expect(data.articleSection).toBe(hostile.kicker)
    expect(data.isBasedOn).toBe(hostile.source.url)
    expect((data.author as { name: string }[])[0]?.name).toBe(hostile.authors[0]?.name)
  })

  it('links no related headline whose URL is not http(s) or a path here', () => {
    expect(html).toContain(`<li>${escapeText(evil('related'))}</li>`)
    expect(html).not.toContain('alert(1)"')
  })
})

const escapeText = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
