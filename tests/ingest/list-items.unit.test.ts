import { describe, expect, it } from 'vitest'
import { cleanListItems } from '../../src/ingest/spans'

describe('cleanListItems', () => {
  it('cleans items and their runs together, blank items dropped with their runs', () => {
    expect(
      cleanListItems(
        ['  Fares for\n seniors ', ' \n ', 'Bikes  ride free', 'Tap here'],
        [
          [{ text: '  Fares for\n ' }, { text: 'seniors', href: '/articles/fares' }, { text: ' ' }],
          [{ text: ' ', em: true }],
          null,
          [{ text: 'Tap here', href: 'javascript:alert(1)' }],
        ],
      ),
    ).toEqual({
      items: ['Fares for seniors', 'Bikes ride free', 'Tap here'],
      itemSpans: [
        [{ text: 'Fares for ' }, { text: 'seniors', href: '/articles/fares' }],
        null,
        // A run whose href may not be a link marks nothing.
        null,
      ],
    })
  })

  it('gives no itemSpans when no item has marks', () => {
    expect(cleanListItems(['One', 'Two'], [[{ text: 'One' }], null])).toEqual({
      items: ['One', 'Two'],
    })
    expect(cleanListItems([' One ', 'Two'])).toEqual({ items: ['One', 'Two'] })
  })
})
