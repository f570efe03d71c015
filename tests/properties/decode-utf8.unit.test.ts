import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeUtf8, IngestError } from '../../src/ingest'

const encoder = new TextEncoder()

describe('decodeUtf8', () => {
  it('returns text or throws a 400 invalid_encoding IngestError for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          expect(decodeUtf8(bytes)).toBeTypeOf('string')
        } catch (error) {
          expect(error).toBeInstanceOf(IngestError)
          expect(error).toMatchObject({ status: 400, code: 'invalid_encoding' })
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('gives back any well-formed text it was given as UTF-8, less one leading BOM', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.string({ unit: 'binary', maxLength: 100 }), (bom, text) => {
        const bytes = encoder.encode(bom ? `\uFEFF${text}` : text)
        expect(decodeUtf8(bytes)).toBe(bom ? text : text.replace(/^\uFEFF/, ''))
      }),
      { numRuns: 500 },
    )
  })

  it('rejects UTF-8 with any one byte made invalid', () => {
    const broken = fc
      .tuple(
        fc.string({ unit: 'binary', maxLength: 50 }),
        fc.nat(),
        fc.constantFrom(0x80, 0xc0, 0xf8, 0xff),
      )
      .map(([text, at, byte]) => {
        const bytes = encoder.encode(text)
        const out = new Uint8Array(bytes.length + 1)
        const i = at % (bytes.length + 1)
        out.set(bytes.subarray(0, i))
        out[i] = byte
        out.set(bytes.subarray(i), i + 1)
        return out
      })
    fc.assert(
      fc.property(broken, (bytes) => {
        expect(() => decodeUtf8(bytes)).toThrow(IngestError)
      }),
      { numRuns: 500 },
    )
  })
})
