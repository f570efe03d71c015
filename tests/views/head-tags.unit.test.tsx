import { describe, expect, it } from 'vitest'
import { headTag, headTags } from '../../src/views/head-tags'

const TRICKY = [
  'plain',
  `Tom & "Jerry" <b>it's</b>`,
  'https://example.com/a?b=1&c=2#d',
  '東京 — “quoted” ’s',
  '',
]

describe('head tags written as strings', () => {
  it('writes a tag as hono’s JSX does, escaping &, <, >, " and \'', () => {
    expect(String(headTag('meta', { name: 'description', content: TRICKY[1] }))).toBe(
      '<meta name="description" content="Tom &amp; &quot;Jerry&quot; &lt;b&gt;it&#39;s&lt;/b&gt;"/>',
    )
  })

  it('is byte for byte what the JSX element renders, for any value', () => {
    for (const value of TRICKY) {
      expect(String(headTag('meta', { property: 'og:title', content: value }))).toBe(
        String(<meta property="og:title" content={value} />),
      )
      expect(String(headTag('link', { rel: 'canonical', href: value }))).toBe(
        String(<link rel="canonical" href={value} />),
      )
    }
  })

  it('leaves out attributes without a value, as JSX does', () => {
    expect(String(headTag('link', { rel: 'next', href: '/?cursor=x', title: undefined }))).toBe(
      '<link rel="next" href="/?cursor=x"/>',
    )
    expect(String(headTag('meta', { name: 'robots', content: null }))).toBe('<meta name="robots"/>')
  })

  it('joins several tags in order', () => {
    const tags = headTags([headTag('meta', { charset: 'utf-8' }), headTag('link', { rel: 'a' })])
    expect(String(tags)).toBe('<meta charset="utf-8"/><link rel="a"/>')
  })
})
