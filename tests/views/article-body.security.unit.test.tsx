import { describe, expect, it } from 'vitest'
import type { Block } from '../../src/model/article'
import { ArticleBody, LeadFigure } from '../../src/views/article-body'
import { parseElements } from './html'

const render = (blocks: Block[], origin?: string) =>
  String(<ArticleBody blocks={blocks} dateline={null} origin={origin} />)

const REL = 'rel="noopener noreferrer nofollow"'

describe('runs in the body', () => {
  it('render links, emphasis and line breaks, escaped', () => {
    const html = render([
      {
        type: 'paragraph',
        text: 'See <the> report and the map here.',
        spans: [
          { text: 'See ' },
          { text: '<the> report', href: 'https://a.example/?q=1&r="2"', strong: true },
          { text: ' and ', em: true },
          { text: 'the map', href: '/articles/map' },
          { text: ' ', br: true },
          { text: 'here.' },
        ],
      },
    ])
    expect(html).toBe(
      `<div class="body"><p>See <a href="https://a.example/?q=1&amp;r=&quot;2&quot;" ${REL}><strong>&lt;the&gt; report</strong></a><em> and </em><a href="/articles/map">the map</a><br/>here.</p></div>`,
    )
  })

  it('never renders a hostile href as a link, whatever got stored', async () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/',
      '/\\evil.example/',
      '/\n/evil.example',
      'https:evil',
    ]
    const html = render(
      hostile.map((href) => ({
        type: 'paragraph',
        text: 'click',
        spans: [{ text: 'click', href }],
      })),
    )
    expect(html).toBe(`<div class="body">${'<p>click</p>'.repeat(hostile.length)}</div>`)
    expect((await parseElements(html)).filter((e) => e.tag === 'a')).toEqual([])
  })

  it('never renders a hostile href or localHref in a list item as a link', async () => {
    const hostile = ['javascript:alert(1)', 'data:text/html,x', '//evil.example/']
    const html = render([
      {
        type: 'list',
        ordered: false,
        items: hostile.map(() => 'click'),
        itemSpans: hostile.map((href) => [{ text: 'click', href: '/articles/a', localHref: href }]),
      },
      {
        type: 'list',
        ordered: true,
        items: hostile.map(() => 'tap'),
        itemSpans: hostile.map((href) => [{ text: 'tap', href }]),
      },
    ])
    expect(html).toBe(
      `<div class="body"><ul>${'<li>click</li>'.repeat(3)}</ul><ol>${'<li>tap</li>'.repeat(3)}</ol></div>`,
    )
    expect((await parseElements(html)).filter((e) => e.tag === 'a')).toEqual([])
  })

  it('links a run to the stored article it names, plainly, absolute in feeds', () => {
    const block: Block = {
      type: 'list',
      ordered: false,
      items: ['See the storm', 'Plain'],
      itemSpans: [
        [
          { text: 'See ' },
          {
            text: 'the storm',
            href: 'https://coastal.example/storm',
            localHref: '/articles/storm',
          },
        ],
        null,
      ],
    }
    expect(render([block])).toBe(
      '<div class="body"><ul><li>See <a href="/articles/storm">the storm</a></li><li>Plain</li></ul></div>',
    )
    expect(render([block], 'https://site.example')).toContain(
      '<a href="https://site.example/articles/storm">the storm</a>',
    )
  })

  it('makes this site’s paths absolute for feeds, and leaves other links as they are', () => {
    const html = render(
      [
        {
          type: 'quote',
          text: 'a b',
          spans: [
            { text: 'a', href: '/articles/a' },
            { text: ' ' },
            { text: 'b', href: 'http://b.example/' },
          ],
        },
      ],
      'https://news.example/',
    )
    expect(html).toBe(
      `<div class="body"><blockquote><p><a href="https://news.example/articles/a">a</a> <a href="http://b.example/" ${REL}>b</a></p></blockquote></div>`,
    )
  })
})

describe('figures', () => {
  it('show the image lazily with its alt text, caption and credit', () => {
    const html = render([
      {
        type: 'figure',
        text: 'The pier at dawn.',
        url: 'https://img.example/pier.jpg',
        alt: 'A wooden pier',
        credit: 'Photo: Sam Park',
      },
    ])
    expect(html).toBe(
      '<div class="body"><figure><img src="https://img.example/pier.jpg" alt="A wooden pier" loading="lazy" decoding="async" referrerpolicy="no-referrer"/><figcaption>The pier at dawn. <span class="credit">Photo: Sam Park</span></figcaption></figure></div>',
    )
  })

  it('keep the caption and show no image when the URL may not be loaded (nothing without one)', () => {
    const html = render([
      { type: 'figure', text: 'Gone.', url: 'javascript:alert(1)', alt: '', credit: null },
      { type: 'figure', text: '', url: '/local.jpg', alt: 'x', credit: null },
    ])
    expect(html).toBe('<div class="body"><figure><figcaption>Gone.</figcaption></figure></div>')
  })

  it('show the lead image with its caption as alt text', () => {
    expect(
      String(
        <LeadFigure image={{ url: 'https://img.example/a.jpg', caption: 'Harbor "at" dusk' }} />,
      ),
    ).toBe(
      '<figure><img src="https://img.example/a.jpg" alt="Harbor &quot;at&quot; dusk" loading="lazy" decoding="async" referrerpolicy="no-referrer"/><figcaption>Harbor &quot;at&quot; dusk</figcaption></figure>',
    )
  })
})
