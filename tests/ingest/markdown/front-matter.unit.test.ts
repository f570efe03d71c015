import { describe, expect, it } from 'vitest'
import { failure, fileOf, markdown } from './helpers'

const withFrontMatter = (...lines: string[]) =>
  fileOf('---', ...lines, '---', '', 'Pakistan on Thursday rejected Washington’s allegations.')

describe('front matter keys', () => {
  it('takes a single author or a list, under either name; the first name present wins', () => {
    expect(markdown(withFrontMatter('title: T', 'author: Alex Rodriguez')).authors).toEqual([
      { name: 'Alex Rodriguez', slug: 'alex-rodriguez' },
    ])
    // jekyll-seo-tag's author object
    const object = markdown(
      withFrontMatter('title: T', 'author: { name: Jane Roe, twitter: janeroe }'),
    )
    expect(object.authors).toEqual([{ name: 'Jane Roe', slug: 'jane-roe' }])
    const both = markdown(withFrontMatter('title: T', 'author: Jane Roe', 'authors: [John Doe]'))
    expect(both.authors.map((a) => a.name)).toEqual(['John Doe'])
    const dated = markdown(
      withFrontMatter('title: T', 'date: 2011-09-21', 'publishedAt: 2011-09-22'),
    )
    expect(dated.publishedAt).toBe('2011-09-22')
  })

  it('splits a tag string on commas and reads YAML numbers as the text written', () => {
    const a = markdown(withFrontMatter('title: 1984', 'tags: "Pakistan, , Haqqani network"'))
    expect(a.title).toBe('1984')
    expect(a.tags.map((t) => t.name)).toEqual(['Pakistan', 'Haqqani network'])
    expect(markdown(withFrontMatter('title: T', 'tags: [2011, Pakistan]')).tags).toEqual([
      { name: '2011', slug: '2011' },
      { name: 'Pakistan', slug: 'pakistan' },
    ])
  })

  it('reads dates as written, Jekyll’s form, and the Date objects of !!timestamp', () => {
    const read = (...lines: string[]) => markdown(withFrontMatter('title: T', ...lines))
    expect(read('date: 2011-09-22').publishedAt).toBe('2011-09-22')
    expect(read('date: 2011-09-22T10:00:00-07:00').publishedAt).toBe('2011-09-22T17:00:00.000Z')
    expect(read('date: 2011-09-22 10:00:00 -0700').publishedAt).toBe('2011-09-22T17:00:00.000Z')
    // Jekyll's zone is the site's, which the file does not name: only the day is certain.
    expect(read('date: 2011-09-22 10:00:00').publishedAt).toBe('2011-09-22')
    const stamped = read(
      'date: !!timestamp 2011-09-22T10:00:00-07:00',
      'lastmod: !!timestamp 2011-09-23',
    )
    expect(stamped.publishedAt).toBe('2011-09-22T17:00:00.000Z')
    expect(stamped.modifiedAt).toBe('2011-09-23')
  })

  it('derives the kicker from the title unless the front matter says there is none', () => {
    const title = 'title: "PAKISTAN: Islamabad won’t tolerate U.S. boots on the ground"'
    expect(markdown(withFrontMatter(title)).kicker).toBe('PAKISTAN')
    expect(markdown(withFrontMatter(title, 'kicker:')).kicker).toBeNull()
    expect(markdown(withFrontMatter(title, 'kicker: WORLD NOW')).tags[0]).toEqual({
      name: 'WORLD NOW',
      slug: 'world-now',
    })
  })

  it('takes the source URL from canonical_url, never from a site-relative url', () => {
    const a = markdown(
      withFrontMatter('title: T', 'url: /world/boots/', 'canonical_url: https://example.com/boots'),
    )
    expect(a.sourceUrl).toBe('https://example.com/boots')
    expect(markdown(withFrontMatter('title: T', 'url: /world/boots/')).sourceUrl).toBeNull()
    expect(
      markdown(withFrontMatter('title: T', 'canonicalURL: https://example.com/a')).sourceUrl,
    ).toBe('https://example.com/a')
  })

  it('resolves a relative image against the source URL, from the file or the query string', () => {
    const image = 'image: { url: /images/boots.jpg, caption: Soldiers on patrol. }'
    expect(
      markdown(withFrontMatter('title: T', 'sourceUrl: https://example.com/world/boots', image))
        .image,
    ).toEqual({ url: 'https://example.com/images/boots.jpg', caption: 'Soldiers on patrol.' })
    expect(
      markdown(withFrontMatter('title: T', 'image: pics/a.jpg'), {
        sourceUrl: 'https://example.com/world/',
      }).image,
    ).toEqual({ url: 'https://example.com/world/pics/a.jpg', caption: null })
  })

  it('lets values in the file win over the query string', () => {
    const meta = { sourceUrl: 'https://example.com/q', publishedAt: '2011-09-01' }
    const own = markdown(
      withFrontMatter('title: T', 'date: 2011-09-22', 'sourceUrl: https://example.com/own'),
      meta,
    )
    expect([own.publishedAt, own.sourceUrl]).toEqual(['2011-09-22', 'https://example.com/own'])
    const none = markdown(withFrontMatter('title: T'), meta)
    expect([none.publishedAt, none.sourceUrl]).toEqual(['2011-09-01', 'https://example.com/q'])
  })

  it('ignores keys it does not know, whatever their values', () => {
    const a = markdown(
      withFrontMatter(
        'title: T',
        'draft: false',
        'layout: post',
        'weight: [1, {a: b}]',
        '__proto__: { polluted: true }',
        'constructor: 5',
        '? [complex, key]',
        ': value',
      ),
    )
    expect(a.title).toBe('T')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reads an empty front matter as no fields, and `...` as its end', () => {
    expect(markdown(fileOf('---', '---', '# T', '', 'Body.')).title).toBe('T')
    expect(markdown(fileOf('---', 'title: T', '...', 'Body.')).body).toEqual([
      { type: 'paragraph', text: 'Body.' },
    ])
  })

  it('takes the h1 as the title when the front matter’s title is blank', () => {
    expect(markdown(fileOf('---', 'title: ""', '---', '# From the h1', '', 'Body.')).title).toBe(
      'From the h1',
    )
  })
})

describe('front matter errors', () => {
  const error = (...lines: string[]) => failure(() => markdown(withFrontMatter(...lines)))

  it('names a known key of the wrong type, even a shadowed alias', () => {
    const cases: [string[], string][] = [
      [['title: [a, b]'], 'front matter title: expected a string'],
      [
        ['title: T', 'tags: {a: 1}'],
        'front matter tags: expected a list or a comma-separated string',
      ],
      [
        ['title: T', 'authors: [[Jane Roe]]'],
        'front matter authors: expected a name or a list of names',
      ],
      [
        ['title: T', 'related: [{url: "https://example.com"}]'],
        'front matter related[0]: expected a list of headlines or { title, url } objects',
      ],
      [['title: T', 'image: 5'], 'front matter image: expected a URL string or { url, caption }'],
      [['title: T', 'language: english'], 'front matter language: expected a BCP 47 language tag'],
      [['title: T', 'publishedAt: 2011-09-22', 'date: [x]'], 'front matter date: expected a date'],
      [
        ['title: T', 'draft: true', 'captions: {a: b}'],
        'front matter captions: expected a string or a list of strings',
      ],
    ]
    for (const [lines, message] of cases) {
      expect(error(...lines)).toMatchObject({ status: 400, code: 'invalid_field', message })
    }
  })

  it('rejects values the JSON upload would reject, naming the key as written', () => {
    expect(error('title: T', 'date: next Tuesday').message).toBe(
      'front matter date: expected an ISO 8601 date (2011-09-22) or date-time with a zone (2011-09-22T10:00:00Z)',
    )
    expect(error('title: T', 'canonical_url: ftp://example.com/a').message).toBe(
      'front matter canonical_url: expected an absolute http(s) URL',
    )
    expect(error('title: T', 'image: { url: /images/a.jpg }').message).toBe(
      'front matter image.url: expected an http(s) URL',
    )
    expect(error('title: T', 'related: [{title: A, url: "javascript:alert(1)"}]').message).toBe(
      'front matter related[0].url: expected an absolute http(s) URL',
    )
  })

  it('reports a YAML syntax error with its line in the file', () => {
    expect(error('title: T', 'draft: false', '\tlayout: post')).toMatchObject({
      status: 400,
      code: 'invalid_front_matter',
      message: 'front matter: line 4: Tabs are not allowed as indentation',
    })
    expect(error('title: T', 'tags: [Pakistan, Afghanistan', 'date: 2011-09-22').message).toBe(
      'front matter: line 4: Flow sequence in block collection must be sufficiently indented and end with a ]',
    )
    expect(error('title: "unterminated').code).toBe('invalid_front_matter')
  })

  it('reports a duplicate key with its line', () => {
    expect(error('title: A', 'draft: true', 'title: B').message).toBe(
      'front matter: line 4: duplicate key title',
    )
  })

  it('rejects front matter that is not a mapping', () => {
    for (const lines of [['- title', '- T'], ['just a sentence'], ['42']]) {
      expect(error(...lines)).toMatchObject({
        status: 400,
        code: 'invalid_front_matter',
        message: 'front matter: expected a mapping of keys to values (title: …)',
      })
    }
  })

  it('rejects front matter that is never closed, and TOML front matter', () => {
    const unclosed = fileOf(
      '---',
      'title: A post whose front matter never ends',
      '',
      '# A post whose front matter never ends',
      '',
      'The closing line of dashes was lost in an edit.',
    )
    expect(failure(() => markdown(unclosed))).toMatchObject({
      status: 400,
      code: 'invalid_front_matter',
      message: 'front matter: the --- on line 1 is never closed by a --- line',
    })
    const toml = fileOf('+++', 'title = "T"', '+++', '', 'Body.')
    expect(failure(() => markdown(toml)).message).toBe(
      'front matter: TOML front matter (+++) is not supported; use YAML between --- lines',
    )
  })

  it('reads `---` anywhere but the first line as Markdown', () => {
    // A thematic break, then `title: T` underlined by `---`: a setext h2, and no title.
    expect(failure(() => markdown(fileOf('', '---', 'title: T', '---', 'Body.')))).toMatchObject({
      status: 422,
      code: 'missing_title',
    })
  })
})
