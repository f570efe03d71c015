import { describe, expect, it } from 'vitest'
import { NotWellFormed, parseXml, textOf } from './xml-check'

// The checker is what the feed tests trust, so it must refuse what a real XML parser refuses.
describe('xml checker', () => {
  it('reads a document with every construct it knows', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="utf-8"?>\n<!-- c --><?pi x?>\n' +
        `<a xmlns="urn:x" xml:lang='en' t="1 &lt; 2 &amp; &#x1F600;"><b/>AT&amp;T &#8217;` +
        '<![CDATA[<raw> & ]]> 😀 ]] ></a>\n',
    )
    expect(root.name).toBe('a')
    expect(root.attributes).toEqual({ xmlns: 'urn:x', 'xml:lang': 'en', t: '1 < 2 & 😀' })
    expect(textOf(root)).toBe('AT&T ’<raw> &  😀 ]] >')
  })

  it.each([
    ['a bare <', '<a>1 < 2</a>'],
    ['a bare &', '<a>AT&T</a>'],
    ['an HTML entity', '<a>&nbsp;</a>'],
    ['crossed tags', '<a><b></a></b>'],
    ['an unclosed tag', '<a><b></b>'],
    ['a stray end tag', '<a></a></b>'],
    ['two roots', '<a/><b/>'],
    ['no root', '<?xml version="1.0"?>'],
    ['text before the root', 'hi<a/>'],
    ['text after the root', '<a/>hi'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['< in an attribute', '<a x="<"/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['attributes without space between', '<a x="1"y="2"/>'],
    [']]> in text', '<a>]]></a>'],
    ['a C0 control', '<a>\u0001</a>'],
    ['NUL', '<a>\u0000</a>'],
    ['U+FFFE', '<a>\uFFFE</a>'],
    ['U+FFFF', '<a>\uFFFF</a>'],
    ['a lone high surrogate', '<a>\uD800</a>'],
    ['a lone low surrogate', '<a>\uDC00</a>'],
    ['a reference to NUL', '<a>&#0;</a>'],
    ['a reference to a surrogate', '<a>&#xD800;</a>'],
    ['a declaration after whitespace', ' <?xml version="1.0"?><a/>'],
    ['a DOCTYPE', '<!DOCTYPE a><a/>'],
    ['-- in a comment', '<a><!-- a -- b --></a>'],
  ])('refuses %s', (_, xml) => {
    expect(() => parseXml(xml)).toThrow(NotWellFormed)
  })
})
