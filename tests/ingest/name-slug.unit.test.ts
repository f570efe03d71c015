import fc from 'fast-check'
import { expect, it } from 'vitest'
import { canonicalSlug, nameSlug } from '../../src/ingest/name-slug'
import { slugify } from '../../src/ingest/slug'

it('keeps the letters of every script, lowercased, dashes between words', () => {
  expect(nameSlug('東京', 'tag')).toBe('東京')
  expect(nameSlug('Дмитрий Медведев', 'author')).toBe('дмитрий-медведев')
  expect(nameSlug('Йошкар-Ола', 'tag')).toBe('йошкар-ола')
  expect(nameSlug('Ёлка', 'tag')).toBe('ёлка')
  expect(nameSlug('김정은', 'author')).toBe('김정은')
  expect(nameSlug('ภาษาไทย', 'tag')).toBe('ภาษาไทย')
  expect(nameSlug('Союз 11', 'tag')).toBe('союз-11')
  // Half-width katakana is the same word as full-width (NFKC).
  expect(nameSlug('ﾄｳｷｮｳ', 'tag')).toBe('トウキョウ')
})

it('keeps the combining marks that are part of Devanagari and Thai letters', () => {
  expect(nameSlug('नरेन्द्र मोदी', 'author')).toBe('नरेन्द्र-मोदी')
  expect([...nameSlug('हिन्दी', 'tag')]).toEqual(['ह', 'ि', 'न', '्', 'द', 'ी'])
  expect(nameSlug('กรุงเทพมหานคร', 'tag')).toBe('กรุงเทพมหานคร')
})

it('folds Greek accents and Arabic and Hebrew vowel marks, so capitals find the same page', () => {
  expect(nameSlug('Αθήνα', 'tag')).toBe('αθηνα')
  expect(nameSlug('ΑΘΗΝΑ', 'tag')).toBe('αθηνα')
  expect(nameSlug('Κυριάκος Μητσοτάκης', 'author')).toBe('κυριακος-μητσοτακης')
  expect(nameSlug('ΟΔΟΣ', 'tag')).toBe('οδος')
  expect(nameSlug('مُحَمَّد', 'author')).toBe('محمد')
  expect(nameSlug('محمد بن سلمان', 'author')).toBe('محمد-بن-سلمان')
  // Hamza is a letter's own (أ), not a vowel mark; the tatweel is decoration.
  expect(nameSlug('أحمد', 'author')).toBe('أحمد')
  expect(nameSlug('عـربـي', 'tag')).toBe('عربي')
  expect(nameSlug('דָּוִד בֶּן־גּוּרְיוֹן', 'author')).toBe('דוד-בן-גוריון')
})

it('joins Latin and other scripts as they are written', () => {
  expect(nameSlug('Tokyo 東京', 'tag')).toBe('tokyo-東京')
  expect(nameSlug('iPhone発売', 'tag')).toBe('iphone発売')
  expect(nameSlug('2020年東京オリンピック', 'tag')).toBe('2020年東京オリンピック')
  expect(nameSlug('BBC Русская служба', 'author')).toBe('bbc-русская-служба')
})

it('gives one slug to one name in any Unicode form', () => {
  for (const name of ['Дмитрий Медведев', 'Hélène Dupré', 'Αθήνα', 'हिन्दी', 'क़ानून', '한국']) {
    const slug = nameSlug(name.normalize('NFC'), 'tag')
    expect(nameSlug(name.normalize('NFD'), 'tag')).toBe(slug)
    expect(nameSlug(name.normalize('NFKD'), 'tag')).toBe(slug)
    expect(nameSlug(name.toUpperCase(), 'tag')).toBe(slug)
  }
})

it('leaves Latin slugs as slugify made them', () => {
  expect(nameSlug('Hélène Dupré', 'author')).toBe('helene-dupre')
  expect(nameSlug('Straße in Łódź, Ærø', 'tag')).toBe('strasse-in-lodz-aero')
  expect(nameSlug('U.S.-Pakistan ties', 'tag')).toBe('us-pakistan-ties')
  expect(nameSlug('ﬁve ＦＵＬＬ width', 'tag')).toBe('five-full-width')
  // Latin letters NFKD cannot fold were separators, and stay so.
  expect(nameSlug('Ŋgũgĩ wa Thiong’o', 'author')).toBe('gugi-wa-thiongo')
})

/** Text with no letter or digit outside the Latin script, once NFKC-normalized (`µ` is Greek μ). */
const latinText = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(...[..."aZé ß-.’ʼ'\u0301\u0130\uE000ﬁＡ½!/%Œŋ🎉"]),
      fc.integer({ min: 0, max: 0x2ff }).map((n) => String.fromCodePoint(n)),
    ),
    maxLength: 120,
  })
  .filter((text) =>
    [...text.normalize('NFKC')].every(
      (ch) => ch < '\u0080' || !/[\p{L}\p{N}]/u.test(ch) || /[\p{scx=Latn}\p{scx=Zyyy}]/u.test(ch),
    ),
  )

it('makes exactly the slug slugify made for any text with no other script in it', () => {
  fc.assert(
    fc.property(latinText, (text) => {
      expect(nameSlug(text, 'tag')).toBe(slugify(text, 'tag'))
    }),
    { numRuns: 2000 },
  )
})

it('names every slug it makes by that slug, and any form of it by it too', () => {
  const anyText = fc.string({ unit: 'grapheme', maxLength: 40 })
  fc.assert(
    fc.property(anyText, (text) => {
      const slug = nameSlug(text, 'tag')
      expect(canonicalSlug(slug)).toBe(slug)
      expect(canonicalSlug(slug.normalize('NFD'))).toBe(slug)
      expect(canonicalSlug(slug.toUpperCase())).toBe(slug)
    }),
    { numRuns: 2000 },
  )
})

it('bounds the length in code points, never splitting a letter from its marks', () => {
  expect(nameSlug('東京'.repeat(50), 'tag')).toBe('東京'.repeat(40))
  const words = nameSlug(Array(30).fill('Москва').join(' '), 'tag')
  expect(words).toBe(Array(11).fill('москва').join('-'))
  const hindi = nameSlug('कि'.repeat(41) + 'क', 'tag')
  expect([...hindi].length).toBe(80)
  expect(hindi.endsWith('ि')).toBe(true)
  const cut = nameSlug('क' + 'कि'.repeat(41), 'tag')
  expect([...cut].length).toBe(79)
  expect(cut.endsWith('ि')).toBe(true)
})

it('falls back to a hash for a name with nothing to keep', () => {
  expect(nameSlug('🎉', 'tag')).toBe(slugify('🎉', 'tag'))
  expect(nameSlug('!!! — ???', 'author')).toBe('author-n9m1qt')
})

it('reads a path segment as its slug, or as none', () => {
  expect(canonicalSlug('東京')).toBe('東京')
  expect(canonicalSlug('ДМИТРИЙ-Медведев')).toBe('дмитрий-медведев')
  expect(canonicalSlug('Pakistan')).toBe('pakistan')
  expect(canonicalSlug('tag-1pgij4')).toBe('tag-1pgij4')
  for (const bad of ['', '-', '..', 'a/b', 'a b', 'a\u0000', 'a.b', '%2F', 'a'.repeat(641), '🎉']) {
    expect(canonicalSlug(bad)).toBeNull()
  }
})
