import { expect, it } from 'vitest'
import { slugify } from '../../src/ingest'
import { nameSlug } from '../../src/ingest/name-slug'

it('slugs the seed title, an author and a tag', () => {
  expect(slugify('PAKISTAN: Islamabad won’t tolerate U.S. boots on the ground')).toBe(
    'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground',
  )
  expect(slugify('Alex Rodriguez')).toBe('alex-rodriguez')
  expect(slugify('PAKISTAN')).toBe('pakistan')
})

it('drops apostrophes and the dots inside abbreviations', () => {
  expect(slugify("Don't stop ʼem")).toBe('dont-stop-em')
  expect(slugify('U.N.: Iran’s leader speaks')).toBe('un-irans-leader-speaks')
  expect(slugify('U.S.-Pakistan ties')).toBe('us-pakistan-ties')
  expect(slugify('Adm. Mike Mullen')).toBe('adm-mike-mullen')
})

it('strips diacritics and folds letters NFKD leaves alone', () => {
  expect(slugify('Café Müller à São Paulo')).toBe('cafe-muller-a-sao-paulo')
  expect(slugify('Straße in Łódź, Ærø')).toBe('strasse-in-lodz-aero')
  expect(slugify('ﬁve ＦＵＬＬ width')).toBe('five-full-width')
})

it('turns other characters into single dashes, trimmed', () => {
  expect(slugify('  In Afghanistan, tie between 9/11 and the war -- often gets lost!  ')).toBe(
    'in-afghanistan-tie-between-9-11-and-the-war-often-gets-lost',
  )
  expect(slugify('3.5% rise & fall')).toBe('3-5-rise-fall')
})

it('caps the length at 80 at a dash boundary', () => {
  const slug = slugify(`${'Word '.repeat(30)}end`)
  expect(slug).toBe(Array(16).fill('word').join('-'))
  expect(slug.length).toBeLessThanOrEqual(80)
  expect(slugify('a'.repeat(100))).toBe('a'.repeat(80))
})

it('falls back when nothing is left: article slugs stay ASCII', () => {
  expect(slugify('')).toBe('article')
  expect(slugify('!!! — ???')).toBe('article-n9m1qt')
  expect(slugify('باكستان')).toBe('article-1vfgoyd')
})

it('names authors and tags in their own script (name-slug.ts), distinct names distinct slugs', () => {
  expect(nameSlug('باكستان', 'tag')).toBe('باكستان')
  expect(nameSlug('李明', 'author')).toBe('李明')
  expect(nameSlug('王芳', 'author')).toBe('王芳')
})
