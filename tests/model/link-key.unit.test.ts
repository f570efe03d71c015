import { describe, expect, it } from 'vitest'
import { linkKey, linkKeysOf } from '../../src/model/link-key'

describe('linkKey', () => {
  it('names one page however its URL is spelled: scheme, host case, port, trailing slash, fragment', () => {
    const same = [
      'https://coastal.example/2023/storm',
      'http://coastal.example/2023/storm',
      'HTTPS://Coastal.Example/2023/storm/',
      'https://coastal.example:443/2023/storm#photos',
      'http://coastal.example:80/2023/storm//#',
    ]
    for (const href of same) expect(linkKey(href), href).toBe('//coastal.example/2023/storm')
  })

  it('keeps what can name another page: the path’s case, the query, another port', () => {
    expect(linkKey('https://coastal.example/2023/Storm')).toBe('//coastal.example/2023/Storm')
    expect(linkKey('https://coastal.example/story?id=7#top')).toBe('//coastal.example/story?id=7')
    expect(linkKey('https://coastal.example:8443/a')).toBe('//coastal.example:8443/a')
    // An empty query names nothing, as URL reads it.
    expect(linkKey('https://coastal.example/a?')).toBe('//coastal.example/a')
    expect(linkKey('https://coastal.example/')).toBe('//coastal.example')
  })

  it('names an article page of this site by its path', () => {
    expect(linkKey('/articles/storm-closes-the-light')).toBe('/articles/storm-closes-the-light')
    expect(linkKey('/articles/storm-closes-the-light/?utm=x#top')).toBe(
      '/articles/storm-closes-the-light',
    )
  })

  it('names nothing else', () => {
    for (const href of [
      '/articles/',
      '/articles/a/revisions/2',
      '/authors/ana-ruiz',
      '//evil.example/articles/a',
      'javascript:alert(1)',
      'data:text/html,x',
      'mailto:desk@coastal.example',
      'articles/a',
      'https://',
    ]) {
      expect(linkKey(href), href).toBeNull()
    }
  })
})

describe('linkKeysOf', () => {
  it('gives each target of a body’s links once, list items included', () => {
    expect(
      linkKeysOf([
        {
          type: 'paragraph',
          text: 'See the storm and the storm.',
          spans: [
            { text: 'See ' },
            { text: 'the storm', href: 'https://coastal.example/storm' },
            { text: ' and ' },
            { text: 'the storm', href: 'http://coastal.example/storm/#x' },
            { text: '.' },
          ],
        },
        { type: 'heading', level: 2, text: 'Plain' },
        {
          type: 'list',
          ordered: false,
          items: ['One', 'Two'],
          itemSpans: [null, [{ text: 'Two', href: '/articles/two' }]],
        },
        { type: 'figure', text: '', url: 'https://coastal.example/i.jpg', alt: '', credit: null },
      ]),
    ).toEqual(['//coastal.example/storm', '/articles/two'])
  })
})
