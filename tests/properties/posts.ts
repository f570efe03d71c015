import fc from 'fast-check'
import { anyText } from './arbitraries'

const lower = [...'abcdefghijklmnopqrstuvwxyzéüñçø']
const upper = [...'ABCDEFGHIJKLMNOPRSTUVWYZÉÖ']
const word = fc.string({ unit: fc.constantFrom(...lower), minLength: 1, maxLength: 9 })
const capital = fc
  .tuple(fc.constantFrom(...upper), fc.string({ unit: fc.constantFrom(...lower), maxLength: 8 }))
  .map(([first, rest]) => first + rest)
const words = (min: number, max: number) =>
  fc.array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: capital }), {
    minLength: min,
    maxLength: max,
  })

const sentence = fc
  .tuple(capital, words(2, 18), fc.constantFrom('.', '.', '.', '?', '!', '.”', ':'), fc.boolean())
  .map(([first, rest, end, comma]) => {
    const text = [first, ...rest]
    if (comma && text.length > 3) text[1] += ','
    return text.join(' ') + end
  })
const prose = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '))
// Short lines a post also has: `More to come`, `UPDATE: …`, a quoted aside, a single word.
const line = fc
  .tuple(fc.constantFrom('', 'UPDATE: ', '“', '(', 'Photo: '), capital, words(0, 6))
  .map(([lead, first, rest]) => lead + [first, ...rest].join(' '))
// Any characters at all, on one line.
const oneLine = (max: number) =>
  anyText(max).map((t) => t.replace(/[\r\n\u2028\u2029\u0085]/g, ' '))
const paragraph = fc.oneof(
  { weight: 5, arbitrary: prose },
  { weight: 1, arbitrary: line },
  { weight: 2, arbitrary: oneLine(80) },
)
const headline = fc.tuple(capital, words(3, 10)).map(([first, rest]) => [first, ...rest].join(' '))
const name = fc.oneof(
  fc.tuple(capital, capital).map(([first, last]) => `${first} ${last}`),
  oneLine(20),
)

/**
 * A well-formed archive post: a title line (maybe with a kicker), maybe a posted-at line and the
 * archive notice, paragraphs (the first maybe with a dateline), maybe related headlines after a
 * label, maybe a byline.
 */
export const archivePost = fc
  .record({
    kicker: fc.option(fc.constantFrom('PAKISTAN', 'U.N.', 'SOUTH AFRICA', 'Q&A'), { nil: null }),
    title: fc.oneof(headline, oneLine(30)),
    stamp: fc.option(fc.constantFrom('December 1, 2009 | 7:17 am', 'Sept. 22, 2011'), {
      nil: null,
    }),
    notice: fc.boolean(),
    dateline: fc.option(fc.constantFrom('ISLAMABAD, PAKISTAN', 'KABUL', 'WINSTON-SALEM, N.C.'), {
      nil: null,
    }),
    paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 8 }),
    related: fc.array(headline, { maxLength: 3 }),
    authors: fc.array(name, { maxLength: 3 }),
    byline: fc.constantFrom('-- ', '— ', 'By '),
  })
  .map((p) => {
    const [first = '', ...rest] = p.paragraphs
    const names =
      p.authors.length <= 2
        ? p.authors.join(' and ')
        : `${p.authors.slice(0, -1).join(', ')} and ${p.authors.at(-1)}`
    return [
      p.kicker ? `${p.kicker}: ${p.title}` : p.title,
      ...(p.stamp ? [p.stamp] : []),
      ...(p.notice
        ? [
            'This article was originally on a blog post platform and may be missing photos, graphics or links. See About archive blog posts.',
          ]
        : []),
      p.dateline ? `${p.dateline} -- ${first}` : first,
      ...rest,
      ...(p.related.length > 0 ? ['RELATED', ...p.related] : []),
      ...(p.authors.length > 0 ? [`${p.byline}${names}`] : []),
    ].join('\n\n')
  })

const text = (max = 60) => anyText(max)
const url = fc.webUrl({ withQueryParameters: true, withFragments: true })
const date = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom('2011-09-22', '2011-09-22T10:00:00-07:00', '2011-09-22T10:00:00+0530'),
)

const kicked = fc
  .tuple(
    fc.constantFrom('PAKISTAN', 'U.N.', 'L.A. NOW', 'Q&A'),
    fc.constantFrom(': ', ' : ', ':'),
    headline,
  )
  .map((parts) => parts.join(''))

/** A JSON upload the schema accepts, with any text in its text fields. */
export const jsonArticle = fc.record(
  {
    title: fc.oneof(headline, kicked, text()),
    kicker: fc.option(text(20), { nil: null }),
    dateline: fc.option(text(30), { nil: null }),
    authors: fc.array(
      fc.oneof(
        name,
        text(30),
        name.map((n) => ({ name: n })),
      ),
      { maxLength: 4 },
    ),
    body: fc.oneof(
      fc.array(fc.oneof(paragraph, text(200)), { minLength: 1, maxLength: 6 }),
      text(400),
    ),
    related: fc.array(
      fc.oneof(headline, text(), fc.record({ title: text(), url: fc.option(url, { nil: null }) })),
      { maxLength: 4 },
    ),
    publishedAt: fc.option(date, { nil: null }),
    modifiedAt: fc.option(date, { nil: null }),
    sourceUrl: fc.option(url, { nil: null }),
    tags: fc.array(fc.oneof(word, text(20)), { maxLength: 4 }),
    captions: fc.array(text(), { maxLength: 3 }),
    notices: fc.array(text(), { maxLength: 2 }),
    siteName: fc.option(text(40), { nil: null }),
    language: fc.option(fc.constantFrom('en', 'en-US', 'fr', 'zh-Hant-TW'), { nil: null }),
    image: fc.option(fc.record({ url, caption: fc.option(text(), { nil: null }) }), { nil: null }),
  },
  { requiredKeys: ['title', 'body'] },
)
