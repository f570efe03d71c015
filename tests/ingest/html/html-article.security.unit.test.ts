import { describe, expect, it } from 'vitest'
import { normalizeUpload } from '../../../src/ingest'

const html = (text: string, meta = {}) => normalizeUpload({ format: 'html', text }, meta)

// Malformed on purpose (unclosed and misnested tags), so it lives here rather than in a fixture
// file that Prettier would have to parse.
const HOSTILE = `<html><head><title>Council <b>votes</b> &amp; adjourns</title>
<meta property="og:image" content="javascript:alert(document.cookie)">
<meta property="og:title" content="&lt;script&gt;alert(1)&lt;/script&gt;Council votes &lt;i&gt;to adjourn&lt;/i&gt;">
<meta name="author" content="<img src=x onerror=alert(1)>Pat Lee">
<script type="application/ld+json">{ "@type": "NewsArticle", "headline": broken </script>
<link rel="canonical" href="javascript:alert(1)">
</head><body onload="alert(1)">
<div class="content">
<h1>Council votes to adjourn</h1>
<p>The city council <script>document.write('<p>injected</p>')</script>voted 6-1 on Monday night to adjourn until <b>January<i> after <u>a long debate</p>
<p onclick="steal()">Members <style>p{color:red}</style>said the <iframe src="javascript:alert(1)">frame text</iframe>budget would wait.<img src="javascript:alert(2)" onerror="alert(3)">
<div><p>An unclosed paragraph in an unclosed div, with <a href="javascript:alert(4)">a script link</a> in it, still reads as text.
<figure><img src="javascript:alert(5)"><figcaption>Photo: <script>x()</script>City Hall at night</figcaption></figure>
<p><a href="javascript:void(0)">Read the story this script link pretends to be</a></p>
<svg><title>SVG title</title><text>svg text</text></svg>
<noscript><p>Please enable JavaScript to read this page.</p></noscript>
<template><p>Template text that is never shown to anyone.</p></template>
<textarea>Textarea text that is never shown to anyone.</textarea>
<p>Last paragraph &amp; a closing &lt;tag&gt; in plain text.`

describe('a hostile page', () => {
  const a = html(HOSTILE)

  it('keeps the text a reader sees and none of the scripts, styles, frames or forms', () => {
    expect(a.title).toBe('Council votes to adjourn')
    expect(a.authors).toEqual([{ name: 'Pat Lee', slug: 'pat-lee' }])
    expect(a.body).toEqual([
      {
        type: 'paragraph',
        text: 'The city council voted 6-1 on Monday night to adjourn until January after a long debate',
        // <b> and <i> are emphasis the reader sees; <u> is not kept.
        spans: [
          { text: 'The city council voted 6-1 on Monday night to adjourn until ' },
          { text: 'January', strong: true },
          { text: ' after a long debate', em: true, strong: true },
        ],
      },
      { type: 'paragraph', text: 'Members said the budget would wait.' },
      {
        type: 'paragraph',
        // The javascript: link is text only: no spans, since nothing else is marked.
        text: 'An unclosed paragraph in an unclosed div, with a script link in it, still reads as text.',
      },
      // Escaped markup is the page's text, shown as text: it stays, as plain characters.
      { type: 'paragraph', text: 'Last paragraph & a closing <tag> in plain text.' },
    ])
    expect(a.captions).toEqual(['Photo: City Hall at night'])
  })

  it('never turns a javascript: address into an image, a link or the source URL', () => {
    expect(a.image).toBeNull()
    expect(a.related).toEqual([])
    expect(a.sourceUrl).toBeNull()
  })

  it('leaves no markup, script text or attribute in any field', () => {
    const text = JSON.stringify(a)
    for (const bad of ['alert', 'injected', 'onerror', 'onclick', 'javascript', 'color:red']) {
      expect(text).not.toContain(bad)
    }
    for (const hidden of ['SVG title', 'svg text', 'frame text', 'enable JavaScript', 'Template']) {
      expect(text).not.toContain(hidden)
    }
  })

  it('lets the upload meta supply a URL the page only pretends to have', () => {
    expect(html(HOSTILE, { sourceUrl: 'https://city.example/council' }).sourceUrl).toBe(
      'https://city.example/council',
    )
  })
})

describe('markup inside metadata', () => {
  it('strips tags and double-escaped entities out of JSON-LD and meta text', () => {
    const a = html(
      '<script type="application/ld+json">{"@type":"Article","headline":"<b>Tax</b> cut &amp;amp; <em>spending</em> plan","author":{"@type":"Person","name":"<a href=\\"/x\\">Kim Cho</a>"}}</script>' +
        '<p>The plan passed the assembly on a voice vote late Thursday.</p>',
    )
    expect(a.title).toBe('Tax cut & spending plan')
    expect(a.authors).toEqual([{ name: 'Kim Cho', slug: 'kim-cho' }])
  })

  it('hides nothing a reader is shown and shows nothing a reader is not', () => {
    const a = html(
      '<title>Storm closes schools</title><article>' +
        '<p>Schools in three counties closed on Tuesday as the storm moved inland.</p>' +
        '<p style="display:none">Hidden keyword stuffing for search engines.</p>' +
        '<p hidden>Also hidden.</p><p aria-hidden="true">Hidden from readers too.</p>' +
        '<span class="sr-only">Screen reader only.</span>' +
        '</article>',
    )
    expect(a.body).toEqual([
      {
        type: 'paragraph',
        text: 'Schools in three counties closed on Tuesday as the storm moved inland.',
      },
    ])
  })
})
