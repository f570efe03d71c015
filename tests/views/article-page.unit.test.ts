import { describe, expect, it } from 'vitest'
import type { Article } from '../../src/model/article'
import { renderArticlePage } from '../../src/views/article-page'
import { pakistan, site, slug } from './fixtures'
import { count, jsonLd, section } from './html'

const canonical = `http://127.0.0.1:8787/articles/${slug}`
const render = (changes: Partial<Article> = {}) =>
  renderArticlePage({ ...pakistan, ...changes }, site)

describe('article page', () => {
  const html = render()

  it('shows the lead image with its caption, lazily, before the body', () => {
    const page = render({
      image: { url: 'https://images.example/harbour.jpg', caption: 'The harbour at dawn.' },
    })
    expect(page).toContain(
      '<figure><img src="https://images.example/harbour.jpg" alt="The harbour at dawn." loading="lazy" decoding="async" referrerpolicy="no-referrer"/><figcaption>The harbour at dawn.</figcaption></figure>',
    )
    const first = pakistan.body[0]!
    const opening = ('text' in first ? first.text : '').slice(0, 24)
    // In the page's body, not its head (whose description is the same words).
    const body = page.slice(page.indexOf('<body'))
    expect(body.indexOf('</figure>')).toBeGreaterThan(0)
    expect(body.indexOf('</figure>')).toBeLessThan(body.indexOf(opening))
    expect(html).not.toContain('<figure>')
  })

  it('is a complete English document', () => {
    expect(html.startsWith('<!doctype html><html lang="en"><head><meta charset="utf-8"/>')).toBe(
      true,
    )
    expect(html.endsWith('</body></html>')).toBe(true)
    expect(html).toContain(
      // With the site's name it would be 75 characters: past 70, a title stands alone.
      '<title>PAKISTAN: Islamabad won’t tolerate U.S. boots on the ground</title>',
    )
    expect(html).toContain(
      '<body><a class="skip" href="#main">Skip to content</a><header class="site">',
    )
    // Inline, so a browser asks for no /favicon.ico; the CSP's img-src allows data: URLs.
    expect(html).toContain('<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,%3Csvg')
  })

  it('heads the article with kicker, headline, byline, date and reading time', () => {
    expect(section(html, '<article><header>', 'header')).toBe(
      '<article><header>' +
        '<p class="kicker"><a href="/tags/pakistan">PAKISTAN</a></p>' +
        '<h1>Islamabad won’t tolerate U.S. boots on the ground</h1>' +
        '<p class="byline">By <a href="/authors/alex-rodriguez" rel="author">Alex Rodriguez</a></p>' +
        '<p class="meta"><time datetime="2011-09-22T00:00:00.000Z">22 September 2011</time>' +
        ' · 3 min read</p>' +
        '</header>',
    )
    expect(count(html, '<h1>')).toBe(1)
  })

  it('opens the first paragraph with the dateline and keeps all twelve paragraphs', () => {
    const body = section(html, '<div class="body">', 'div')
    expect(body).toContain(
      '<div class="body"><p><span class="dateline">ISLAMABAD, PAKISTAN —</span> Pakistan on Thursday' +
        ' rejected Washington’s allegations that it maintains links with the militant Haqqani network',
    )
    expect(count(body, '<p>')).toBe(12)
    expect(count(html, 'class="dateline"')).toBe(1)
  })

  it('shows the archive notice as a note before the body', () => {
    expect(html).toContain(
      '<aside class="notice" role="note"><p>This article was originally on a blog post platform' +
        ' and may be missing photos, graphics or links. See About archive blog posts.</p></aside>' +
        '<div class="body">',
    )
  })

  it('lists the three related headlines as text when they have no URL', () => {
    const related = section(html, '<aside class="related"', 'aside')
    expect(related).toBe(
      '<aside class="related" aria-labelledby="related-title"><h2 id="related-title">Related</h2><ul>' +
        '<li>U.N.: Iran’s Mahmoud Ahmadinejad speaks; many diplomats walk out</li>' +
        '<li>Taliban offshoot blamed for assault on U.S. Embassy in Kabul</li>' +
        '<li>In Afghanistan, tie between 9/11 and the war often gets lost</li>' +
        '</ul></aside>',
    )
  })

  it('ends with the tags', () => {
    expect(html).toContain(
      '<footer><h2 class="visually-hidden">Tags</h2><ul class="tags"><li><a href="/tags/pakistan" rel="tag">Pakistan</a>' +
        '</li></ul></footer></article>',
    )
  })

  it('names its canonical URL, JSON alternate and OpenGraph properties', () => {
    for (const tag of [
      `<link rel="canonical" href="${canonical}"/>`,
      `<link rel="alternate" type="application/json" href="/api/articles/${slug}"/>`,
      '<meta property="og:type" content="article"/>',
      '<meta property="og:title" content="PAKISTAN: Islamabad won’t tolerate U.S. boots on the ground"/>',
      `<meta property="og:description" content="${pakistan.summary}"/>`,
      `<meta property="og:url" content="${canonical}"/>`,
      '<meta property="og:site_name" content="Edge Articles"/>',
      '<meta property="article:published_time" content="2011-09-22T00:00:00.000Z"/>',
      '<meta property="article:modified_time" content="2025-11-29T06:30:00.000Z"/>',
      '<meta property="article:section" content="PAKISTAN"/>',
      '<meta property="article:author" content="http://127.0.0.1:8787/authors/alex-rodriguez"/>',
      '<meta property="article:tag" content="Pakistan"/>',
      `<meta name="description" content="${pakistan.summary}"/>`,
    ]) {
      expect(html).toContain(tag)
    }
  })

  it('describes itself as a schema.org NewsArticle', () => {
    expect(jsonLd(html)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Islamabad won’t tolerate U.S. boots on the ground',
      alternativeHeadline: 'PAKISTAN: Islamabad won’t tolerate U.S. boots on the ground',
      description: pakistan.summary,
      datePublished: '2011-09-22T00:00:00.000Z',
      dateModified: '2025-11-29T06:30:00.000Z',
      author: [
        {
          '@type': 'Person',
          name: 'Alex Rodriguez',
          url: 'http://127.0.0.1:8787/authors/alex-rodriguez',
        },
      ],
      articleSection: 'PAKISTAN',
      keywords: ['Pakistan'],
      wordCount: pakistan.wordCount,
      url: canonical,
      mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
      publisher: { '@type': 'Organization', name: 'Edge Articles', url: 'http://127.0.0.1:8787/' },
    })
  })

  it('names the source it is based on when there is one', () => {
    const url = 'https://www.latimes.com/world/la-fg-pakistan-us-20110923-story.html'
    const page = render({ source: { ...pakistan.source, url } })
    expect(jsonLd(page).isBasedOn).toBe(url)
  })
})

describe('article page, optional parts', () => {
  it('formats two and three authors as a list', () => {
    const authors = [
      { name: 'Alex Rodriguez', slug: 'alex-rodriguez' },
      { name: 'Aoun Sahi', slug: 'aoun-sahi' },
      { name: 'Ken Dilanian', slug: 'ken-dilanian' },
    ]
    const link = (i: number) =>
      `<a href="/authors/${authors[i]?.slug}" rel="author">${authors[i]?.name}</a>`
    expect(render({ authors: authors.slice(0, 2) })).toContain(
      `<p class="byline">By ${link(0)} and ${link(1)}</p>`,
    )
    expect(render({ authors })).toContain(
      `<p class="byline">By ${link(0)}, ${link(1)} and ${link(2)}</p>`,
    )
    const none = render({ authors: [] })
    expect(none).not.toContain('class="byline"')
    expect(jsonLd(none).author).toEqual([])
  })

  it('leaves out the date everywhere when publishedAt is null', () => {
    const page = render({ publishedAt: null })
    expect(page).toContain('<p class="meta">3 min read</p>')
    expect(page).not.toContain('<time')
    expect(page).not.toContain('article:published_time')
    expect(jsonLd(page)).not.toHaveProperty('datePublished')
  })

  it('shows a kicker without a matching tag as plain text, and no kicker when null', () => {
    expect(render({ tags: [] })).toContain('<p class="kicker">PAKISTAN</p>')
    const plain = render({ kicker: null, title: pakistan.headline })
    expect(plain).not.toContain('class="kicker"')
    expect(jsonLd(plain)).not.toHaveProperty('articleSection')
    expect(jsonLd(plain)).not.toHaveProperty('alternativeHeadline')
  })

  it('renders every block type', () => {
    const page = render({
      dateline: null,
      body: [
        { type: 'heading', level: 2, text: 'The Haqqani network' },
        { type: 'paragraph', text: 'A proxy war.' },
        { type: 'heading', level: 3, text: 'Sanctuary' },
        { type: 'heading', level: 4, text: 'North Waziristan' },
        { type: 'quote', text: 'I would say a categoric no.' },
        { type: 'list', ordered: false, items: ['ISI', 'CIA'] },
        { type: 'list', ordered: true, items: ['First', 'Second'] },
      ],
    })
    expect(section(page, '<div class="body">', 'div')).toBe(
      '<div class="body"><h2>The Haqqani network</h2><p>A proxy war.</p><h3>Sanctuary</h3>' +
        '<h4>North Waziristan</h4><blockquote><p>I would say a categoric no.</p></blockquote>' +
        '<ul><li>ISI</li><li>CIA</li></ul><ol><li>First</li><li>Second</li></ol></div>',
    )
  })

  it('puts the dateline in the first paragraph, or alone when there is none', () => {
    const afterHeading = render({
      body: [
        { type: 'heading', level: 2, text: 'Background' },
        { type: 'paragraph', text: 'Pakistan on Thursday rejected it.' },
      ],
    })
    expect(afterHeading).toContain(
      '<h2>Background</h2><p><span class="dateline">ISLAMABAD, PAKISTAN —</span> Pakistan on',
    )
    const noParagraph = render({ body: [{ type: 'quote', text: 'Never.' }] })
    expect(noParagraph).toContain(
      '<div class="body"><p><span class="dateline">ISLAMABAD, PAKISTAN —</span></p><blockquote>',
    )
  })

  it('lists captions as a quiet note', () => {
    const page = render({ captions: ['Pakistani Interior Minister Rehman Malik in Islamabad.'] })
    expect(page).toContain(
      '<section class="captions" aria-labelledby="captions-title"><h2 id="captions-title">' +
        'Photo captions</h2><ul><li>Pakistani Interior Minister Rehman Malik in Islamabad.</li>' +
        '</ul></section>',
    )
    expect(render()).not.toContain('class="captions"')
  })

  it('links related headlines only to http(s) URLs and paths on this site', () => {
    const urls = [
      'https://www.latimes.com/world/la-fg-taliban-embassy-20110914-story.html',
      'http://latimesblogs.latimes.com/world_now/2011/09/un-iran.html',
      '/articles/in-afghanistan-tie-between-9-11-and-the-war-often-gets-lost',
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example/phish',
      '/\\evil.example/phish',
      ' javascript:alert(1)',
      'java\nscript:alert(1)',
      'https:evil.example',
      'mailto:editor@example.com',
    ]
    const page = render({ related: urls.map((url, i) => ({ title: `Related ${i}`, url })) })
    const related = section(page, '<aside class="related"', 'aside')
    expect(count(related, '<li>')).toBe(urls.length)
    expect(count(related, '<a ')).toBe(3)
    for (const url of urls.slice(0, 3)) expect(related).toContain(`<a href="${url}">`)
    for (let i = 3; i < urls.length; i++) expect(related).toContain(`<li>Related ${i}</li>`)
  })
})
