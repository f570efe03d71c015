import { describe, expect, it } from 'vitest'
import { parseByline } from '../../src/ingest/byline'
import { isCaption } from '../../src/ingest/caption'
import { splitDateline } from '../../src/ingest/dateline'
import { splitTitle } from '../../src/ingest/kicker'
import { headlineKind, parseLabel } from '../../src/ingest/related'

describe('splitTitle', () => {
  it.each([
    ['PAKISTAN: Islamabad won’t tolerate U.S. boots', 'PAKISTAN'],
    ['U.N.: Iran’s Mahmoud Ahmadinejad speaks', 'U.N.'],
    ['SOUTH AFRICA: Power cuts return', 'SOUTH AFRICA'],
    ['IRAQ: At least 16 killed in Baghdad bombings', 'IRAQ'],
    ['Goodbye, Oxford comma? Hello, Shatner comma!', null],
    ['Engineers who hacked into L.A. traffic signal computer, jamming streets, sentenced', null],
    ['Clinton: ‘We will not waver’', null],
    ['I: a title', null],
  ])('%s → %s', (title, kicker) => {
    const parts = splitTitle(title)
    expect(parts.kicker).toBe(kicker)
    expect(parts.headline).toBe(kicker ? title.slice(kicker.length + 2) : title)
  })
})

describe('parseByline', () => {
  it.each([
    ['-- Alex Rodriguez', ['Alex Rodriguez']],
    ['— Borzou Daragahi in Beirut', ['Borzou Daragahi']],
    ['--Ned Parker in Baghdad', ['Ned Parker']],
    ['-- Jane Roe and John Doe in Cairo', ['Jane Roe', 'John Doe']],
    ['-- Jane Roe, John Doe and Ann M. Poe', ['Jane Roe', 'John Doe', 'Ann M. Poe']],
    ['-- Jane Roe, John Doe, and Ann Poe', ['Jane Roe', 'John Doe', 'Ann Poe']],
    ['-- Jane Roe in Islamabad, Pakistan', ['Jane Roe']],
    ['-- Jane Roe in Kabul and John Doe in Islamabad', ['Jane Roe', 'John Doe']],
    ['-- Jane Roe, reporting from Islamabad', ['Jane Roe']],
    ['-- Jane Roe, Times staff writer', ['Jane Roe']],
    ['-- Martin Luther Roe, Jr.', ['Martin Luther Roe, Jr.']],
    ['-- Younis al-Mauritani and Hoda van der Berg', ['Younis al-Mauritani', 'Hoda van der Berg']],
    ['By Jane Roe and John Doe', ['Jane Roe', 'John Doe']],
    ['-- Times staff and wire reports', []],
    ['-- Jane Roe and Times wire services', ['Jane Roe']],
    ['-- Jane Roe, with staff and news reports', ['Jane Roe']],
    ['-- Associated Press', []],
    ['— Hamid Karzai, the Afghan president, said on Tuesday.', null],
    ['-- and then the ceasefire collapsed', null],
    ['By Tuesday, the talks had stalled.', null],
    ['By Tuesday night', null],
    ['Alex Rodriguez', null],
    ['Par Hélène Dupré', ['Hélène Dupré']],
    ['Von Jürgen Müller und Anna Schmidt', ['Jürgen Müller', 'Anna Schmidt']],
    ['Por María José García', ['María José García']],
    ['Przez Anna Kowalska', ['Anna Kowalska']],
    ['PAR HÉLÈNE DUPRÉ', ['HÉLÈNE DUPRÉ']],
    ['Par ailleurs, le conseil a voté.', null],
    ['Von Berlin aus fuhr er weiter.', null],
    ['Por Dios', null],
  ])('%s', (line, names) => {
    expect(parseByline(line)).toEqual(names)
  })
})

describe('isCaption', () => {
  it.each([
    [
      'Photo: Clinton addresses the conference. Credit: Tobias Hase / European Pressphoto Agency',
      true,
    ],
    ['Friendster founder Jonathan Abrams at a summit in 2007. Courtesy of Abrams', true],
    ['Mourners gather in Karachi on Friday. (AP Photo/Shakil Adil)', true],
    ['Protesters march in Cairo. Mohammed Abed / AFP/Getty Images', true],
    ['Top photo: The skyline at dusk.', true],
    ['Credit: Los Angeles Times', true],
    ['Los Angeles Times', true],
    ['The mayor told the Los Angeles Times that the plan would go ahead.', false],
    ['Courtesy of the city, residents get free parking this week.', false],
    ['In Afghanistan, tie between 9/11 and the war often gets lost', false],
    ['Pakistan’s intelligence community maintains close ties, experts say.', false],
  ])('%s → %s', (text, expected) => {
    expect(isCaption(text)).toBe(expected)
  })
})

describe('splitDateline', () => {
  it.each([
    [
      'REPORTING FROM ISLAMABAD, PAKISTAN -- Pakistan on Thursday',
      'ISLAMABAD, PAKISTAN',
      'Pakistan on Thursday',
    ],
    ['BEIRUT — Lebanese officials', 'BEIRUT', 'Lebanese officials'],
    ['CAIRO --Egyptian police', 'CAIRO', 'Egyptian police'],
    ['WASHINGTON - The Senate', 'WASHINGTON', 'The Senate'],
    ['ST. LOUIS -- The river', 'ST. LOUIS', 'The river'],
    ['SAN JOSE, CALIF. -- Shares', 'SAN JOSE, CALIF.', 'Shares'],
    ['SAN JOSE, Calif. — Shares', 'SAN JOSE, Calif.', 'Shares'],
    ['WINSTON-SALEM, N.C. -- A plant', 'WINSTON-SALEM, N.C.', 'A plant'],
    ['BAGHDAD (AP) — Gunmen', 'BAGHDAD', 'Gunmen'],
    [
      'Reporting from Islamabad, Pakistan — Pakistan on Thursday',
      'Islamabad, Pakistan',
      'Pakistan on Thursday',
    ],
    ['U.S. officials -- who spoke anonymously -- said', null, null],
    ['Pakistan on Thursday rejected -- again -- the claim', null, null],
    ['AL-QAEDA claimed the attack', null, null],
  ])('%s', (paragraph, dateline, text) => {
    expect(splitDateline(paragraph)).toEqual({ dateline, text: text ?? paragraph })
  })
})

describe('related headlines', () => {
  it('reads labels', () => {
    expect(parseLabel('RELATED')).toEqual({ headline: null })
    expect(parseLabel('Related:')).toEqual({ headline: null })
    expect(parseLabel('ALSO:')).toEqual({ headline: null })
    expect(parseLabel('More from L.A. Now:')).toEqual({ headline: null })
    expect(parseLabel('Related: Taliban offshoot blamed')).toEqual({
      headline: 'Taliban offshoot blamed',
    })
    expect(parseLabel('Also')).toBeNull()
    expect(parseLabel('Also: the ministry said it would appeal.')).toBeNull()
  })

  it.each([
    ['Taliban offshoot blamed for assault on U.S. Embassy in Kabul', 'strict'],
    ['U.N.: Iran’s Mahmoud Ahmadinejad speaks; many diplomats walk out', 'strict'],
    ['Ahmadinejad: U.S. ‘must change’', 'strict'],
    ['Goodbye, Oxford comma? Hello, Shatner comma!', 'loose'],
    ['The Shatner comma! That, is, you, know, a really, fantastic, idea.', null],
    ['He said it was “a categoric no.”', null],
    ['The AtlanticWire reports:', null],
    ['Follow me on Twitter @janeroe', null],
    ['Follow us on Twitter for updates', null],
    ['and then lowercase', null],
  ])('%s → %s', (text, kind) => {
    expect(headlineKind(text)).toBe(kind)
  })
})
