import fc from 'fast-check'

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))
const oddCharacter = fc.constantFrom(
  ...['\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\uFEFF', '\u200B', '\u00A0', '\u3000'],
  ...['\r', '\r\n', '\n', '\n\n', '\t', '\u2028', '\u2029', '\u0301', '\uFFFD', '\uFFFF', '😀'],
)
const codePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })
const grapheme = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })
const ascii = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 })

/** One unit of any UTF-16 text: printable, any code point, controls, newlines, half surrogates. */
export const anyUnit = fc.oneof(
  { weight: 4, arbitrary: ascii },
  { weight: 2, arbitrary: grapheme },
  { weight: 2, arbitrary: codePoint },
  { weight: 1, arbitrary: oddCharacter },
  { weight: 1, arbitrary: loneSurrogate },
)

export const anyText = (maxLength = 200) => fc.string({ unit: anyUnit, maxLength })

/** Text made of a format's own syntax pieces, words and any characters at all. */
export const soup = (pieces: readonly string[], maxLength = 80) =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...pieces) },
        {
          weight: 2,
          arbitrary: fc.constantFrom('Pakistan', 'rejected', 'the', 'ISI', 'U.S.', ' '),
        },
        { weight: 1, arbitrary: anyText(8) },
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''))

export const ARCHIVE_PIECES = [
  ...['\n', '\n\n', '\n\n\n', ' -- ', '--', '—', ' - ', 'RELATED', 'Related: ', 'ALSO:', 'By '],
  ...[
    '-- Alex Rodriguez',
    'By Jane Roe and John Doe',
    'Photo: ',
    'Credit: ',
    '(AP Photo/',
    ' / Reuters',
  ],
  ...['December 1, 2009 | 7:17 am', 'ISLAMABAD, PAKISTAN -- ', 'REPORTING FROM ', 'PAKISTAN: '],
  ...['This article was originally on a blog post platform.', '.', '?', '“', '”', '’', ':'],
]

export const MARKDOWN_PIECES = [
  ...['# ', '## ', '###### ', '\n=====\n', '\n---\n', '> ', '>', '- ', '* ', '+ ', '1. ', '2) '],
  ...['    ', '\t', '```', '~~~', '`', '*', '**', '_', '__', '~~', '[', ']', '(', ')', '![', ']('],
  ...['<', '>', '</', '<div>', '</div>', '<p>', '<script>', '</script>', '<!--', '-->', '<br>'],
  ...['<figure><figcaption>', '&amp;', '&#', '&#x', ';', '\\', '|', '|-|', '---', '***', '\n'],
  ...['\n\n', '[x]: ', 'https://example.com/a', 'javascript:', 'www.', '@', '[ ] ', '[x] '],
]

export const YAML_PIECES = [
  ...['title: ', 'authors: ', 'author: ', 'tags: ', 'date: ', 'updated: ', 'image: ', 'url: '],
  ...['related: ', 'kicker: ', 'dateline: ', 'language: ', 'sourceUrl: ', 'captions: ', '\n'],
  ...['\n  ', '- ', '[', ']', '{', '}', ':', ',', '&a ', '*a', '!!timestamp ', '!!binary ', '|'],
  ...['>', '"', "'", '? ', '%YAML 1.1', '...', '2011-09-22', '2011-09-22 10:00:00 -0700', 'null'],
  ...['~', '1e400', '0x1F', '.inf', 'true', 'https://example.com/', '/images/a.jpg', '__proto__: '],
]

export const HTML_PIECES = [
  ...['<', '>', '</', '/>', '<p>', '</p>', '<div>', '<article>', '</article>', '<h1>', '</h1>'],
  ...[
    '<title>',
    '</title>',
    '<meta name="author" content="',
    '<meta property="og:title" content="',
  ],
  ...['<script>', '</script>', '<script type="application/ld+json">', '{"@type":"NewsArticle",'],
  ...['"headline":"', '"author":{"name":"', '"}', '<style>', '<!--', '-->', '<![CDATA[', ']]>'],
  ...[
    '&amp;',
    '&#x',
    '&#',
    '&',
    '<br>',
    '<img src="',
    '"',
    "'",
    '=',
    '<time datetime="2011-09-22">',
  ],
  ...[
    '<a href="',
    'javascript:',
    '<svg>',
    '<math>',
    '<template>',
    '<noscript>',
    '<iframe>',
    '<table>',
  ],
  ...[
    '<html lang="',
    '<body>',
    '<head>',
    '<link rel="canonical" href="',
    '<figure>',
    '<figcaption>',
  ],
]

export const JSON_KEYS = [
  ...['title', 'body', 'authors', 'kicker', 'dateline', 'related', 'publishedAt', 'sourceUrl'],
  ...['tags', 'captions', 'notices', 'modifiedAt', 'siteName', 'language', 'image'],
] as const

const HUGE_NUMBERS = ['1e400', '-1e400', `1${'0'.repeat(5000)}`, `0.${'0'.repeat(5000)}1`, '-0']

/** JSON texts: wrong types in every field, huge numbers, deep nesting, and plain garbage. */
export const jsonText = fc.oneof(
  fc
    .record(Object.fromEntries(JSON_KEYS.map((k) => [k, fc.anything()])), { requiredKeys: [] })
    .map((value) => JSON.stringify(value)),
  fc
    .record(
      {
        title: fc.oneof(anyText(40), fc.anything()),
        body: fc.oneof(anyText(), fc.array(anyText(40)), fc.anything()),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc
    .tuple(fc.constantFrom(...JSON_KEYS), fc.constantFrom(...HUGE_NUMBERS))
    .map(([key, number]) => `{"title":"T","body":"B","${key}":${number}}`),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  soup(['{', '}', '[', ']', '"', ':', ',', '"title"', '"body"', 'null', '1e999', '\\u', '\\ud800']),
)
