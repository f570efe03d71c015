import { describe, expect, it } from 'vitest'
import { rfc3339 } from '../../../src/views/feeds/dates'
import { escapeXml, stripIllegalXml } from '../../../src/views/feeds/xml'

describe('escapeXml', () => {
  it('escapes all five special characters', () => {
    expect(escapeXml(`<a href="x">'Tom' & Jerry</a> ]]>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;Tom&apos; &amp; Jerry&lt;/a&gt; ]]&gt;',
    )
  })
})

describe('stripIllegalXml', () => {
  it('drops C0 controls but tab, LF and CR', () => {
    expect(stripIllegalXml('a\u0000\u0001\u0008\t\n\u000B\u000C\r\u000E\u001Fb')).toBe('a\t\n\rb')
  })

  it('drops U+FFFE, U+FFFF and lone surrogates, keeps pairs', () => {
    expect(stripIllegalXml('\uFFFE\uFFFF\uD800x\uDC00\uDBFF😀\uD83D')).toBe('x😀')
  })

  it('keeps what XML 1.0 allows, C1 controls and U+2028 included', () => {
    const allowed = 'é ’ \u0085 \u007F \u2028 \uFFFD \u{10FFFF}'
    expect(stripIllegalXml(allowed)).toBe(allowed)
  })
})

describe('rfc3339', () => {
  it.each([
    ['2025-11-29T06:30:00.000Z', '2025-11-29T06:30:00.000Z'],
    ['2011-09-22', '2011-09-22T00:00:00.000Z'],
    ['2011-09-22T10:00Z', '2011-09-22T10:00:00.000Z'],
    ['2011-09-22T01:00:00-08:00', '2011-09-22T09:00:00.000Z'],
    ['2012-02-29', '2012-02-29T00:00:00.000Z'],
  ])('reads %s as %s', (value, expected) => {
    expect(rfc3339(value)).toBe(expected)
  })

  it.each(['', '2011-02-30', '2011-13-01', 'September 22, 2011', '2011-09-22 10:00', '22/09/2011'])(
    'refuses %j',
    (value) => {
      expect(rfc3339(value)).toBeNull()
    },
  )
})
