import { describe, expect, it } from 'vitest'
import { normalizeUpload } from '../../../src/ingest'
import { namesIn, siteKeys } from '../../../src/ingest/html/authors'
import { dateLine, isoDate, textDate, urlDate } from '../../../src/ingest/html/dates'
import { letters } from '../../../src/ingest/html/text'
import { absoluteUrl } from '../../../src/ingest/html/urls'

const html = (text: string) => normalizeUpload({ format: 'html', text }, {})
const BODY = '<p>The council met on Monday and approved the plan.</p>'

describe('dates', () => {
  it('keeps a zone-bearing date-time as UTC and a bare date as a date', () => {
    expect(isoDate('2015-07-24T05:36:09+01:00')).toBe('2015-07-24T04:36:09.000Z')
    expect(isoDate('2016-12-14T06:02:15Z')).toBe('2016-12-14T06:02:15.000Z')
    expect(isoDate('2015-03-18T15:57:00-0400')).toBe('2015-03-18T19:57:00.000Z')
    expect(isoDate('2009-10-14')).toBe('2009-10-14')
    // No zone: the day is all that is certain.
    expect(isoDate('2015-03-18 15:57:00')).toBe('2015-03-18')
    expect(isoDate('Wed, 18 Mar 2015 19:57:00 GMT')).toBe('2015-03-18T19:57:00.000Z')
    expect(isoDate('Fri Mar 13 21:30:09 EST 2015')).toBe('2015-03-13')
  })

  it('rejects what is no date', () => {
    for (const bad of ['2021-02-30', 'yesterday', '1437712569', '', '0000-00-00', '2015-13-01']) {
      expect(isoDate(bad)).toBeNull()
    }
  })

  it('reads written dates, and lines that are only a date', () => {
    expect(textDate('Posted October 14, 2009 | Marc Lifsher')).toBe('2009-10-14')
    expect(textDate('24 July 2015')).toBe('2015-07-24')
    expect(textDate('Sept. 3rd, 2020')).toBe('2020-09-03')
    expect(textDate('March 18 at 3:57 PM')).toBeNull()
    expect(dateLine('Posted: Tue, Mar. 3, 2004 5:12 p.m. EST')).toBe('2004-03-03')
    expect(dateLine('On March 3, 2004, the mill closed.')).toBeNull()
  })

  it('finds the date in an article path', () => {
    expect(urlDate('http://www.example.com/world/x/2015/03/18/00202e76_story.html')).toBe(
      '2015-03-18',
    )
    expect(urlDate('http://articles.example.com/2009/oct/14/business/fi-bigtvs14')).toBe(
      '2009-10-14',
    )
    expect(urlDate('http://articles.example.com/1993-03-11/news/mn-1034')).toBe('1993-03-11')
    expect(urlDate('https://example.com/news/world-us-canada-33646704')).toBeNull()
  })
})

describe('author names', () => {
  const sites = siteKeys(['BBC News', 'latimes', 'cnn'])

  it('splits lists and drops "By", job titles, dates and handles', () => {
    expect(namesIn('By Jane Doe and John Roe, Staff Writers', sites)).toEqual([
      'Jane Doe',
      'John Roe',
    ])
    expect(namesIn('By Ann Lee, Bo Chen and Cy Diaz', sites)).toEqual([
      'Ann Lee',
      'Bo Chen',
      'Cy Diaz',
    ])
    expect(namesIn('By Howard BlumeStaff Writer', sites)).toEqual(['Howard Blume'])
    expect(namesIn('By Erin CunninghamMarch 18 at 3:57 PM', sites)).toEqual(['Erin Cunningham'])
    expect(namesIn('October 14, 2009 | Marc Lifsher', sites)).toEqual(['Marc Lifsher'])
    expect(namesIn('By Jane Doe @janedoe', sites)).toEqual(['Jane Doe'])
    expect(namesIn('by: Laurie Oakes', sites)).toEqual(['Laurie Oakes'])
    expect(namesIn('By MARY O’NEIL', sites)).toEqual(['Mary O’Neil'])
  })

  it('never takes the site or an organization for a person', () => {
    expect(namesIn('BBC News', sites, true)).toEqual([])
    expect(namesIn('The Associated Press', sites, true)).toEqual([])
    expect(namesIn('Jane Doe, CNN', sites, true)).toEqual(['Jane Doe'])
    expect(namesIn('Valley Ledger Staff', sites, true)).toEqual([])
    expect(namesIn('https://www.facebook.com/someone', sites, true)).toEqual([])
  })

  it('drops the byline word of other languages, and splits on their "and"', () => {
    expect(namesIn('Par Hélène Dupré', sites)).toEqual(['Hélène Dupré'])
    expect(namesIn('Von Jürgen Müller und Anna Schmidt', sites)).toEqual([
      'Jürgen Müller',
      'Anna Schmidt',
    ])
    expect(namesIn('Por María José García', sites)).toEqual(['María José García'])
    expect(namesIn('Door Pieter de Vries en Sanne Bakker', sites)).toEqual([
      'Pieter de Vries',
      'Sanne Bakker',
    ])
    expect(namesIn('Przez Anna Kowalska', sites)).toEqual(['Anna Kowalska'])
    expect(namesIn('Av Erik Lindqvist och Sara Berg', sites)).toEqual([
      'Erik Lindqvist',
      'Sara Berg',
    ])
    expect(namesIn('Af Mette Hansen og Lars Nielsen', sites)).toEqual([
      'Mette Hansen',
      'Lars Nielsen',
    ])
    expect(namesIn('Di Marco Rossi', sites)).toEqual(['Marco Rossi'])
    expect(namesIn('Auteur : Claire Martin', sites)).toEqual(['Claire Martin'])
    // A name that starts like such a word keeps it.
    expect(namesIn('Da Silva Santos', sites)).toEqual(['Da Silva Santos'])
  })

  it('gives a French page with "Par Hélène Dupré" its author once, beside structured data', () => {
    const page = (head: string) =>
      html(
        `<html lang="fr"><head><title>La ville vote son budget</title>${head}</head><body><article><h1>La ville vote son budget</h1><p class="byline">Par Hélène Dupré</p><p>Le conseil municipal a voté le budget lundi soir après un long débat.</p></article></body></html>`,
      ).authors.map((a) => a.name)
    expect(page('')).toEqual(['Hélène Dupré'])
    expect(page('<meta name="author" content="Hélène Dupré">')).toEqual(['Hélène Dupré'])
  })

  it('trusts a structured single name the byline rules would reject only when asked', () => {
    expect(namesIn('Madonna', sites)).toEqual([])
    expect(namesIn('Madonna', sites, true)).toEqual(['Madonna'])
  })
})

describe('titles', () => {
  const page = (head: string, body = '') => html(`<head>${head}</head><body>${body}${BODY}</body>`)

  it('cuts the site name off either end of <title>', () => {
    const canonical = '<link rel="canonical" href="https://www.washingtonpost.com/x/2015/03/18/y">'
    expect(
      page(
        `<title>Attack stokes instability fears in North Africa - The Washington Post</title>${canonical}`,
      ).title,
    ).toBe('Attack stokes instability fears in North Africa')
    expect(page('<title>BBC News - Obama admits gun laws frustration</title>', '').title).toBe(
      'BBC News - Obama admits gun laws frustration',
    )
    expect(
      page(
        '<title>BBC News - Obama admits gun laws frustration</title><meta property="og:site_name" content="BBC News">',
      ).title,
    ).toBe('Obama admits gun laws frustration')
  })

  it('prefers the piece the page shows as its headline', () => {
    const title = '<title>Whale strandings rise | Eleanor Ainge Roy | Environment</title>'
    expect(page(title, '<h1>Whale strandings rise</h1>').title).toBe('Whale strandings rise')
    expect(
      page(title, '<h1 class="logo">Environment</h1><h2>Whale strandings rise</h2>').title,
    ).toBe('Whale strandings rise')
  })

  it('keeps a kicker and a colon that are part of the headline as shown', () => {
    const head =
      '<meta property="og:title" content="PAKISTAN: Islamabad won’t tolerate U.S. boots">'
    expect(page(head, '<h1>PAKISTAN: Islamabad won’t tolerate U.S. boots</h1>').title).toBe(
      'PAKISTAN: Islamabad won’t tolerate U.S. boots',
    )
    expect(page(head).kicker).toBe('PAKISTAN')
  })

  it('keeps a headline that is also the site name when there is nothing else to call it', () => {
    // A one-page site named after its post: every candidate is the site's name.
    const head =
      '<title>Classificação NASCAR</title><meta property="og:site_name" content="Classificação NASCAR">'
    expect(page(head, '<h1>Classificação NASCAR</h1>').title).toBe('Classificação NASCAR')
    // With another candidate, the site's name is still passed over.
    expect(page(`${head}<meta property="og:title" content="Truex wins at Phoenix">`).title).toBe(
      'Truex wins at Phoenix',
    )
  })
})

describe('addresses', () => {
  it('resolves against the base and accepts http(s) only', () => {
    expect(absoluteUrl('/a/b.jpg', 'https://example.com/x/y')).toBe('https://example.com/a/b.jpg')
    expect(absoluteUrl('//cdn.example.com/i.jpg', 'http://example.com/')).toBe(
      'http://cdn.example.com/i.jpg',
    )
    for (const bad of ['javascript:alert(1)', 'data:image/png;base64,AA', 'mailto:a@b.c', ' ']) {
      expect(absoluteUrl(bad, 'https://example.com/')).toBeNull()
    }
    expect(absoluteUrl('/relative', null)).toBeNull()
  })
})

describe('match keys (letters)', () => {
  // The definition: lowercase, then every run that is not a letter or digit in any script removed.
  const byDefinition = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
  it.each([
    ['The Washington Post', 'thewashingtonpost'],
    [
      'Obama: U.S. gun laws are “his biggest frustration”',
      'obamausgunlawsarehisbiggestfrustration',
    ],
    ['Fed lifts rates — sees faster pace of hikes', 'fedliftsratesseesfasterpaceofhikes'],
    ['Société Générale, 2024', 'sociétégénérale2024'],
    ['Ελληνικά 123 / Кириллица', 'ελληνικά123кириллица'],
    ['İstanbul', 'istanbul'],
    ['9/11: 10 years on', '91110yearson'],
    ['  --  ', ''],
  ])('%s → %s, as the definition gives', (text, key) => {
    expect(letters(text)).toBe(key)
    expect(letters(text)).toBe(byDefinition(text))
  })
})
