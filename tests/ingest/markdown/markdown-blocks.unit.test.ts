import { describe, expect, it } from 'vitest'
import { failure, fileOf, markdown } from './helpers'

const bodyOf = (...lines: string[]) => markdown(fileOf('# T', '', ...lines)).body

describe('headings', () => {
  it('takes the first h1 as the title; later h1s become h2, h5 and h6 become h4', () => {
    const a = markdown(
      fileOf(
        '# Title',
        '',
        '## Two',
        '### Three',
        '#### Four',
        '##### Five',
        '###### Six',
        'Text.',
        '# Later',
      ),
    )
    expect(a.title).toBe('Title')
    expect(a.body).toEqual([
      { type: 'heading', level: 2, text: 'Two' },
      { type: 'heading', level: 3, text: 'Three' },
      { type: 'heading', level: 4, text: 'Four' },
      { type: 'heading', level: 4, text: 'Five' },
      { type: 'heading', level: 4, text: 'Six' },
      { type: 'paragraph', text: 'Text.' },
      { type: 'heading', level: 2, text: 'Later' },
    ])
  })

  it('reads setext headings and flattens markup in the title', () => {
    const a = markdown(fileOf('The *Haqqani* &amp; the ISI', '====', '', 'Sub', '---', '', 'Text.'))
    expect(a.title).toBe('The Haqqani & the ISI')
    expect(a.body[0]).toEqual({ type: 'heading', level: 2, text: 'Sub' })
  })

  it('keeps an h1 that differs from the front matter title, as an h2', () => {
    const a = markdown(fileOf('---', 'title: Front', '---', '# Other', '', 'Text.'))
    expect(a.title).toBe('Front')
    expect(a.body[0]).toEqual({ type: 'heading', level: 2, text: 'Other' })
  })

  it('needs a title from somewhere', () => {
    expect(failure(() => markdown('Just a paragraph.\n\n## And a subhead'))).toMatchObject({
      status: 422,
      code: 'missing_title',
    })
    expect(failure(() => markdown('# Only a title'))).toMatchObject({
      status: 422,
      code: 'empty_body',
    })
  })
})

describe('inline text', () => {
  it('keeps the words as text and the marks as runs, never markup or images', () => {
    expect(
      bodyOf(
        '**Bold**, _em_, ~~struck~~, `a &amp; <b>` code, \\*escaped\\*, [link](https://a.example "t"),',
        '<https://b.example/x>, www.c.example, ![an image](https://d.example/i.png) line  ',
        'break, a<br>b.',
      ),
    ).toEqual([
      {
        type: 'paragraph',
        text: 'Bold, em, struck, a &amp; <b> code, *escaped*, link, https://b.example/x, www.c.example, line break, a b.',
        // The same text as runs: emphasis, links and the hard break are marked; code is text.
        spans: [
          { text: 'Bold', strong: true },
          { text: ', ' },
          { text: 'em', em: true },
          { text: ', struck, a &amp; <b> code, *escaped*, ' },
          { text: 'link', href: 'https://a.example/' },
          { text: ', ' },
          { text: 'https://b.example/x', href: 'https://b.example/x' },
          { text: ', ' },
          { text: 'www.c.example', href: 'http://www.c.example/' },
          { text: ', line' },
          { text: ' ', br: true },
          { text: 'break, a b.' },
        ],
      },
    ])
  })

  it('decodes character references outside code, as CommonMark does', () => {
    expect(bodyOf('&copy; &#8212; &#x2019; &nbsp;x &copy &bogus; `&copy;`')).toEqual([
      { type: 'paragraph', text: '© — ’ x &copy &bogus; &copy;' },
    ])
  })
})

describe('containers', () => {
  it('makes each paragraph of a block quote, nested ones included, a quote block', () => {
    expect(
      bodyOf(
        '> First.',
        '>',
        '> Second.',
        '>',
        '> > Nested.',
        '>',
        '> - item one',
        '> - item two',
        '',
        'After.',
      ),
    ).toEqual([
      { type: 'quote', text: 'First.' },
      { type: 'quote', text: 'Second.' },
      { type: 'quote', text: 'Nested.' },
      { type: 'quote', text: 'item one' },
      { type: 'quote', text: 'item two' },
      { type: 'paragraph', text: 'After.' },
    ])
  })

  it('flattens nested list items into items that follow their parent, in order', () => {
    expect(
      bodyOf(
        '- one',
        '  - one.a',
        '  - one.b',
        '- two',
        '',
        '  two, second paragraph',
        '- [x] done task',
        '- [ ] open task',
        '',
        '3. three',
        '4. four',
      ),
    ).toEqual([
      {
        type: 'list',
        ordered: false,
        items: ['one', 'one.a', 'one.b', 'two two, second paragraph', 'done task', 'open task'],
      },
      { type: 'list', ordered: true, items: ['three', 'four'] },
    ])
  })
})

describe('other blocks', () => {
  it('keeps code as a paragraph of its text', () => {
    expect(
      bodyOf('```js', 'const a = 1', 'console.log(a)', '```', '', '    indented', '    code'),
    ).toEqual([
      { type: 'paragraph', text: 'const a = 1 console.log(a)' },
      { type: 'paragraph', text: 'indented code' },
    ])
  })

  it('makes each table row a paragraph of its non-empty cells', () => {
    expect(
      bodyOf('| Province | Attacks |', '|:--|--:|', '| North Waziristan | 12 |', '| | 3 |'),
    ).toEqual([
      { type: 'paragraph', text: 'Province | Attacks' },
      { type: 'paragraph', text: 'North Waziristan | 12' },
      { type: 'paragraph', text: '3' },
    ])
  })

  it('drops thematic breaks and link definitions', () => {
    expect(
      bodyOf('One.', '', '---', '', '***', '', '[ref]: https://example.com', '', 'Two [ref].'),
    ).toEqual([
      { type: 'paragraph', text: 'One.' },
      {
        type: 'paragraph',
        text: 'Two ref.',
        spans: [{ text: 'Two ' }, { text: 'ref', href: 'https://example.com/' }, { text: '.' }],
      },
    ])
  })

  it('keeps the text of HTML blocks, a paragraph per block element, figcaptions as captions', () => {
    const a = markdown(
      fileOf(
        '# T',
        '',
        '<div class="note">',
        '<p>First &amp; foremost.</p>',
        '<p>Line<br>break.</p>',
        '<!-- a comment -->',
        '</div>',
        '',
        '<figure><img src="a.jpg"><figcaption>A caption.</figcaption></figure>',
      ),
    )
    expect(a.body).toEqual([
      { type: 'paragraph', text: 'First & foremost.' },
      { type: 'paragraph', text: 'Line break.' },
    ])
    expect(a.captions).toEqual(['A caption.'])
  })
})

describe('the lead image', () => {
  it('is an image alone in the first paragraph, linked or not; its alt text without a title', () => {
    const a = markdown(
      fileOf(
        '# T',
        '',
        '[![Alt text](https://example.com/a.jpg)](https://example.com/page)',
        '',
        'Text.',
      ),
    )
    expect(a.image).toEqual({ url: 'https://example.com/a.jpg', caption: 'Alt text' })
    expect(a.body).toEqual([{ type: 'paragraph', text: 'Text.' }])
  })

  it('is not an image beside text, in a later paragraph, or with a relative URL and no base', () => {
    for (const lines of [
      ['![Alt](https://example.com/a.jpg) Text beside it.'],
      ['Text.', '', '![Alt](https://example.com/a.jpg)'],
      ['![Alt](/a.jpg)', '', 'Text.'],
      ['![Alt](javascript:alert(1))', '', 'Text.'],
    ]) {
      expect(markdown(fileOf('# T', '', ...lines)).image).toBeNull()
    }
  })

  it('gives way to the front matter’s image, and its paragraph is dropped either way', () => {
    const a = markdown(
      fileOf(
        '---',
        'title: T',
        'image: https://example.com/front.jpg',
        '---',
        '![A](https://example.com/a.jpg)',
        '',
        'Text.',
      ),
    )
    expect(a.image).toEqual({ url: 'https://example.com/front.jpg', caption: null })
    expect(a.body).toEqual([{ type: 'paragraph', text: 'Text.' }])
  })
})

describe('the dateline', () => {
  const lead = 'ISLAMABAD, PAKISTAN -- Pakistan on Thursday rejected the allegations.'

  it('is taken off the first paragraph unless the front matter has a dateline key', () => {
    expect(markdown(fileOf('# T', '', lead)).dateline).toBe('ISLAMABAD, PAKISTAN')
    const given = markdown(fileOf('---', 'title: T', 'dateline: Islamabad', '---', lead))
    expect([given.dateline, given.body[0]]).toEqual([
      'Islamabad',
      { type: 'paragraph', text: lead },
    ])
    const none = markdown(fileOf('---', 'title: T', 'dateline:', '---', lead))
    expect([none.dateline, none.body[0]]).toEqual([null, { type: 'paragraph', text: lead }])
  })
})
