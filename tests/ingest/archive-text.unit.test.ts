import { describe, expect, it } from 'vitest'
import seed from '../../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { parseArchiveText } from '../../src/ingest'
import type { NormalizedArticle } from '../../src/model/article'

const NOTICE =
  'This article was originally on a blog post platform and may be missing photos, graphics or links. See About archive blog posts.'

const paragraphs = (a: NormalizedArticle) => a.body.map((b) => ('text' in b ? b.text : ''))
const post = (...lines: string[]) => lines.join('\n')

describe('the seed post', () => {
  const article = parseArchiveText(seed, {})

  it('reads title, kicker, dateline and byline', () => {
    expect(article.title).toBe('PAKISTAN: Islamabad won’t tolerate U.S. boots on the ground')
    expect(article.headline).toBe('Islamabad won’t tolerate U.S. boots on the ground')
    expect(article.kicker).toBe('PAKISTAN')
    expect(article.dateline).toBe('ISLAMABAD, PAKISTAN')
    expect(article.slug).toBe('pakistan-islamabad-wont-tolerate-us-boots-on-the-ground')
    expect(article.authors).toEqual([{ name: 'Alex Rodriguez', slug: 'alex-rodriguez' }])
    expect(article.tags).toEqual([{ name: 'PAKISTAN', slug: 'pakistan' }])
  })

  it('keeps twelve body paragraphs, the first without its dateline', () => {
    const body = paragraphs(article)
    expect(article.body).toHaveLength(12)
    expect(article.body.every((b) => b.type === 'paragraph')).toBe(true)
    expect(body[0]).toBe(
      'Pakistan on Thursday rejected Washington’s allegations that it maintains links with the militant Haqqani network and warned that it would not tolerate any ground operation to hunt down members of the group.',
    )
    expect(body[3]).toBe(
      'Pakistan’s Foreign Ministry spokeswoman, Tehmina Janjua, when asked at a press conference whether there was any truth to Mullen’s charge, tersely answered, “I would say a categoric no.”',
    )
    expect(body[8]).toBe(
      'U.S. officials say they have ample evidence of the ISI’s links with the Haqqani group, though they have yet to publicly lay out that evidence.',
    )
    expect(body[11]).toMatch(/^U\.S\. officials in Washington this week signaled/)
    expect(body[11]).toMatch(
      /cooperation in the fight against Haqqani and other militant groups\.$/,
    )
  })

  it('separates the notice, the related headlines and the captions', () => {
    expect(article.notices).toEqual([NOTICE])
    expect(article.related).toEqual([
      { title: 'U.N.: Iran’s Mahmoud Ahmadinejad speaks; many diplomats walk out', url: null },
      { title: 'Taliban offshoot blamed for assault on U.S. Embassy in Kabul', url: null },
      { title: 'In Afghanistan, tie between 9/11 and the war often gets lost', url: null },
    ])
    expect(article.captions).toEqual([])
  })

  it('summarizes and counts', () => {
    expect(article.summary).toBe(paragraphs(article)[0])
    expect(article.wordCount).toBe(628)
    expect(article.publishedAt).toBeNull()
    expect(article.sourceUrl).toBeNull()
  })

  it('takes the date and source URL from the upload meta', () => {
    const withMeta = parseArchiveText(seed, {
      publishedAt: '2011-09-22',
      sourceUrl: 'https://www.latimes.com/archives/blogs/world-now/story/2011-09-22/pakistan',
    })
    expect(withMeta.publishedAt).toBe('2011-09-22')
    expect(withMeta.sourceUrl).toBe(
      'https://www.latimes.com/archives/blogs/world-now/story/2011-09-22/pakistan',
    )
  })

  it('is idempotent: the title and body, written out again, normalize to the same body', () => {
    const again = parseArchiveText([article.title, ...paragraphs(article)].join('\n\n'), {})
    expect(again.body).toEqual(article.body)
    expect(again.title).toBe(article.title)
    expect(parseArchiveText(seed, {})).toEqual(article)
  })
})

describe('archive text variants', () => {
  it('reads a CRLF file with a BOM, NBSPs and trailing spaces, an em-dash dateline and three authors', () => {
    const text =
      '\uFEFFSOUTH AFRICA: Power cuts return to Johannesburg as\u00A0winter demand peaks\r\n\r\n\r\n' +
      `${NOTICE}\r\n\r\n` +
      'JOHANNESBURG —\u00A0Rolling blackouts returned to the city on Tuesday as the utility struggled to meet demand during a cold week.  \r\n\r\n' +
      'The utility said it had lost three generating units overnight and asked households to switch off water heaters.\u00A0\r\n\r\n' +
      '“We are asking for patience,” a spokesman said.\r\n\r\n' +
      '-- Nomvula Dlamini, Peter Harland and Ann M. Okafor\r\n'
    const a = parseArchiveText(text, {})
    expect(a.title).toBe('SOUTH AFRICA: Power cuts return to Johannesburg as winter demand peaks')
    expect(a.kicker).toBe('SOUTH AFRICA')
    expect(a.headline).toBe('Power cuts return to Johannesburg as winter demand peaks')
    expect(a.slug).toBe('south-africa-power-cuts-return-to-johannesburg-as-winter-demand-peaks')
    expect(a.dateline).toBe('JOHANNESBURG')
    expect(paragraphs(a)).toEqual([
      'Rolling blackouts returned to the city on Tuesday as the utility struggled to meet demand during a cold week.',
      'The utility said it had lost three generating units overnight and asked households to switch off water heaters.',
      '“We are asking for patience,” a spokesman said.',
    ])
    expect(a.authors.map((x) => x.name)).toEqual([
      'Nomvula Dlamini',
      'Peter Harland',
      'Ann M. Okafor',
    ])
    expect(a.authors[2]?.slug).toBe('ann-m-okafor')
    expect(a.notices).toEqual([NOTICE])
    expect(a.tags).toEqual([{ name: 'SOUTH AFRICA', slug: 'south-africa' }])
  })

  it('handles bare CR line endings the same way', () => {
    const lf = post(
      'IRAQ: Markets reopen',
      '',
      'BAGHDAD -- Shops reopened on Friday.',
      '',
      '-- Lena Haddad',
    )
    expect(parseArchiveText(lf.replaceAll('\n', '\r'), {})).toEqual(parseArchiveText(lf, {}))
  })

  it('drops a place from the byline and keeps a RELATED list and a credited caption apart', () => {
    const a = parseArchiveText(
      post(
        'IRAQ: Voters in Basra line up early despite sandstorm',
        '',
        'BASRA, IRAQ -- Thousands of voters braved a sandstorm on Sunday to cast ballots in provincial elections, officials said.',
        '',
        'Turnout appeared higher than four years ago, according to the electoral commission.',
        '',
        'Photo: A woman shows her ink-stained finger after voting in Basra. Credit: Karim Jaber / Associated Press',
        '',
        'RELATED',
        '',
        'Sunni leaders weigh a boycott of the vote',
        '',
        'Election workers trained in Baghdad ahead of polls',
        '',
        '-- Omar Saleh in Baghdad',
      ),
      {},
    )
    expect(a.dateline).toBe('BASRA, IRAQ')
    expect(paragraphs(a)).toEqual([
      'Thousands of voters braved a sandstorm on Sunday to cast ballots in provincial elections, officials said.',
      'Turnout appeared higher than four years ago, according to the electoral commission.',
    ])
    expect(a.captions).toEqual([
      'Photo: A woman shows her ink-stained finger after voting in Basra. Credit: Karim Jaber / Associated Press',
    ])
    expect(a.related).toEqual([
      { title: 'Sunni leaders weigh a boycott of the vote', url: null },
      { title: 'Election workers trained in Baghdad ahead of polls', url: null },
    ])
    expect(a.authors).toEqual([{ name: 'Omar Saleh', slug: 'omar-saleh' }])
  })

  it('reads `— A and B in Cairo`, a byline before its photo credit, and a courtesy caption', () => {
    const a = parseArchiveText(
      post(
        'EGYPT: Court postpones verdict in activists’ trial',
        '',
        'Defendants wave from the courtroom cage in Cairo on Monday. Courtesy of the family',
        '',
        'CAIRO — An Egyptian court on Monday postponed its verdict in the trial of 12 activists until next month.',
        '',
        'Defense lawyers said the delay was meant to wear down the families.',
        '',
        '— Mona Farid and Daniel K. Brooks in Cairo',
        '',
        'Photo: Relatives wait outside the courthouse. (AP Photo/Samir Nabil)',
      ),
      {},
    )
    expect(a.dateline).toBe('CAIRO')
    expect(a.body).toHaveLength(2)
    expect(paragraphs(a)[0]).toBe(
      'An Egyptian court on Monday postponed its verdict in the trial of 12 activists until next month.',
    )
    expect(a.authors.map((x) => x.name)).toEqual(['Mona Farid', 'Daniel K. Brooks'])
    expect(a.captions).toEqual([
      'Defendants wave from the courtroom cage in Cairo on Monday. Courtesy of the family',
      'Photo: Relatives wait outside the courthouse. (AP Photo/Samir Nabil)',
    ])
    expect(a.related).toEqual([])
  })

  it('reads a post with no byline, notice, related block or dateline, and runs of blank lines', () => {
    const a = parseArchiveText(
      post(
        '',
        '',
        'Goodbye, old bridge? City weighs a new span',
        '',
        '',
        '',
        'The City Council on Tuesday asked engineers to study whether the 1920s bridge can be repaired.',
        '',
        '',
        '',
        '',
        'A report is due in the spring.',
        '   ',
        '',
        'Residents have until March to comment.',
        '',
        '',
      ),
      {},
    )
    expect(a.title).toBe('Goodbye, old bridge? City weighs a new span')
    expect(a.kicker).toBeNull()
    expect(a.headline).toBe(a.title)
    expect(a.dateline).toBeNull()
    expect(paragraphs(a)).toEqual([
      'The City Council on Tuesday asked engineers to study whether the 1920s bridge can be repaired.',
      'A report is due in the spring.',
      'Residents have until March to comment.',
    ])
    expect(a.authors).toEqual([])
    expect(a.notices).toEqual([])
    expect(a.related).toEqual([])
    expect(a.captions).toEqual([])
    expect(a.tags).toEqual([])
    expect(a.wordCount).toBe(29)
  })

  it('reads WASHINGTON - and ST. LOUIS -- datelines and keeps a question ending the body', () => {
    const a = parseArchiveText(
      post(
        'Senate panel delays vote on highway bill',
        '',
        'WASHINGTON - A Senate committee on Wednesday postponed a vote on a six-year highway bill.',
        '',
        'What happens next?',
        '',
        'House passes its own highway plan',
        '',
        'Governors press Congress on road money',
        '',
        '-- Janet Ortiz',
      ),
      {},
    )
    expect(a.dateline).toBe('WASHINGTON')
    expect(paragraphs(a)).toEqual([
      'A Senate committee on Wednesday postponed a vote on a six-year highway bill.',
      'What happens next?',
    ])
    expect(a.related.map((r) => r.title)).toEqual([
      'House passes its own highway plan',
      'Governors press Congress on road money',
    ])
    const b = parseArchiveText(
      post('Flood crest passes', '', 'ST. LOUIS -- The Mississippi crested overnight.'),
      {},
    )
    expect(b.dateline).toBe('ST. LOUIS')
    expect(paragraphs(b)).toEqual(['The Mississippi crested overnight.'])
  })

  it('reads `Reporting from` datelines, inline `Related:` labels and a posted-at line', () => {
    const a = parseArchiveText(
      post(
        'AFGHANISTAN: Schools reopen in Helmand',
        'June 3, 2010 |  8:15 am',
        '',
        'REPORTING FROM LASHKAR GAH, AFGHANISTAN -- Girls returned to classrooms on Thursday.',
        '',
        'Teachers said attendance was higher than expected.',
        '',
        'Related: Aid groups expand programs in the south',
        '',
        '-- Sarah Whitfield',
      ),
      {},
    )
    expect(a.publishedAt).toBe('2010-06-03')
    expect(a.dateline).toBe('LASHKAR GAH, AFGHANISTAN')
    expect(paragraphs(a)).toEqual([
      'Girls returned to classrooms on Thursday.',
      'Teachers said attendance was higher than expected.',
    ])
    expect(a.related).toEqual([{ title: 'Aid groups expand programs in the south', url: null }])
    expect(a.authors.map((x) => x.name)).toEqual(['Sarah Whitfield'])
  })

  it('reads an ALSO: list with a gallery link after the byline, and keeps a short sign-off', () => {
    const a = parseArchiveText(
      post(
        'Brush fire forces evacuations near Santa Clarita',
        '',
        'A fast-moving brush fire forced the evacuation of about 200 homes on Sunday, fire officials said.',
        '',
        'More to come',
        '',
        '-- Maria Delgado and Kevin Rourke',
        '',
        'ALSO:',
        '',
        'PHOTOS: Fire crews battle the blaze',
        '',
        'Red flag warning issued for Southland mountains',
        '',
        'Photo: Firefighters watch the hillside. Credit: Luis Ortega / Los Angeles Times',
      ),
      {},
    )
    expect(paragraphs(a)).toEqual([
      'A fast-moving brush fire forced the evacuation of about 200 homes on Sunday, fire officials said.',
      'More to come',
    ])
    expect(a.related.map((r) => r.title)).toEqual([
      'PHOTOS: Fire crews battle the blaze',
      'Red flag warning issued for Southland mountains',
    ])
    expect(a.captions).toEqual([
      'Photo: Firefighters watch the hillside. Credit: Luis Ortega / Los Angeles Times',
    ])
    expect(a.authors.map((x) => x.name)).toEqual(['Maria Delgado', 'Kevin Rourke'])
  })

  it('takes two or more closing headlines as related when there is no byline, one as body', () => {
    const body = 'Officials said the talks would resume next week.'
    const two = parseArchiveText(
      post(
        'Talks stall',
        '',
        body,
        '',
        'Envoy heads to Geneva for new round',
        '',
        'Sanctions vote delayed again',
      ),
      {},
    )
    expect(paragraphs(two)).toEqual([body])
    expect(two.related).toHaveLength(2)
    const one = parseArchiveText(
      post('Talks stall', '', body, '', 'Envoy heads to Geneva for new round'),
      {},
    )
    expect(paragraphs(one)).toEqual([body, 'Envoy heads to Geneva for new round'])
    expect(one.related).toEqual([])
  })

  it('joins hard-wrapped lines, and reads one paragraph a line when the file has no blank lines', () => {
    const wrapped = parseArchiveText(
      post(
        'Port strike ends',
        '',
        'LONG BEACH -- Dockworkers returned to the terminals on',
        'Friday after a three-day strike that idled the ports.',
        '',
        'Shippers said the backlog would take a week to clear.',
        '-- Dana Whitlock',
      ),
      {},
    )
    expect(paragraphs(wrapped)).toEqual([
      'Dockworkers returned to the terminals on Friday after a three-day strike that idled the ports.',
      'Shippers said the backlog would take a week to clear.',
    ])
    expect(wrapped.authors.map((x) => x.name)).toEqual(['Dana Whitlock'])
    const lines = parseArchiveText(
      post(
        'Port strike ends',
        'Dockworkers returned to the terminals on Friday.',
        'Shippers said the backlog would take a week to clear.',
        '“We are glad it is over,” one trucker said.',
        'Photo: Cranes at the port. Credit: Dana Whitlock / Los Angeles Times',
      ),
      {},
    )
    expect(lines.body).toHaveLength(3)
    expect(lines.captions).toHaveLength(1)
  })

  it('never changes words or quote characters', () => {
    const a = parseArchiveText(
      post('Quotes', '', 'He said "don\'t" and ‘won’t’ —  twice…  and   left.'),
      {},
    )
    expect(paragraphs(a)).toEqual(['He said "don\'t" and ‘won’t’ — twice… and left.'])
  })

  it('rejects a file without a title or without a body', () => {
    expect(() => parseArchiveText(' \n\n\u00A0\n', {})).toThrow(
      expect.objectContaining({ status: 422, code: 'missing_title' }),
    )
    expect(() => parseArchiveText(`Only a title\n\n${NOTICE}\n\n-- Jane Roe`, {})).toThrow(
      expect.objectContaining({ status: 422, code: 'empty_body' }),
    )
  })
})
