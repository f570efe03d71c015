import { describe, expect, it } from 'vitest'
import { MAX_ALIASES, MAX_FRONT_MATTER_CHARS } from '../../../src/ingest/markdown/front-matter'
import { MAX_HTML_TAGS } from '../../../src/ingest/markdown/html-text'
import { LIMITS } from '../../../src/ingest/limits'
import { MAX_LAZY_RUNS, MAX_NESTING } from '../../../src/ingest/markdown/lex'
import { SHAPE_LIMITS } from '../../../src/ingest/shape'
import hostileHtml from './fixtures/hostile-html.md?raw'
import yamlBomb from './fixtures/yaml-bomb.md?raw'
import { failure, fileOf, markdown } from './helpers'

// What these inputs cost is measured where a clock runs during computation, in Node: see
// tests/properties/growth.node.test.ts (inside workerd, Date.now() only moves on I/O).

describe('raw HTML and script links', () => {
  const article = markdown(hostileHtml)

  it('keeps only the words a reader would see', () => {
    expect(article.body).toEqual([
      { type: 'paragraph', text: 'Click this harmless link or this one to see nothing happen.' },
      { type: 'paragraph', text: 'Inline scripts vanish; <script> written as text stays text.' },
      { type: 'paragraph', text: 'A div keeps only its words.' },
    ])
    expect(article.image).toBeNull()
  })

  it('lets no script, handler or javascript: URL through anywhere', () => {
    const stored = JSON.stringify(article)
    for (const needle of [
      'javascript:',
      'alert(',
      'onerror',
      'onclick',
      'evil.example',
      '<iframe',
    ]) {
      expect(stored).not.toContain(needle)
    }
  })
})

describe('YAML bombs', () => {
  it('stops a billion laughs at the alias limit with a 400', () => {
    expect(failure(() => markdown(yamlBomb))).toMatchObject({
      status: 400,
      code: 'invalid_front_matter',
      message: 'front matter: Excessive alias count indicates a resource exhaustion attack',
    })
  })

  it('refuses more aliases than it will ever need, however they are used', () => {
    const aliases = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `k${i}: *a`)
    const text = fileOf('---', 'title: T', 'a: &a x', ...aliases, '---', 'Body.')
    expect(failure(() => markdown(text)).message).toBe(
      `front matter: more than ${MAX_ALIASES} aliases (*name)`,
    )
  })

  it('refuses deep nesting before the YAML parser can recurse on it', () => {
    for (const yaml of [
      `x: ${'['.repeat(5000)}`,
      `x: ${'{a: '.repeat(5000)}`,
      Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
      `x:\n${'- '.repeat(5000)}y`,
    ]) {
      const error = failure(() => markdown(fileOf('---', yaml, '---', 'x')))
      expect(error).toMatchObject({
        status: 400,
        code: 'invalid_front_matter',
        message: 'front matter: nested more than 32 levels deep',
      })
    }
  })

  it('bounds the front matter’s size', { timeout: 30_000 }, () => {
    const yaml = `title: T\nsummary: "${'a'.repeat(MAX_FRONT_MATTER_CHARS)}"`
    expect(failure(() => markdown(fileOf('---', yaml, '---', 'Body.')))).toMatchObject({
      status: 422,
      code: 'too_large',
    })
    const keys = Array.from({ length: 6000 }, (_, i) => `k${i}: v`).join('\n')
    expect(markdown(fileOf('---', 'title: T', keys, '---', 'Body.')).title).toBe('T')
  })
})

describe('Markdown that marked would recurse or loop on', () => {
  it(
    'refuses nesting deeper than the limit, and reads nesting up to it',
    { timeout: 30_000 },
    () => {
      for (const line of ['>'.repeat(10_000), '- '.repeat(10_000), '1. '.repeat(5000)]) {
        const error = failure(() => markdown(fileOf('# T', '', `${line} x`)))
        expect(error).toMatchObject({
          status: 422,
          code: 'too_large',
          message: `body: at most ${MAX_NESTING} levels of nested lists and block quotes allowed`,
        })
      }
      const indented = Array.from({ length: 10_000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`)
      expect(failure(() => markdown(fileOf('# T', '', ...indented))).code).toBe('too_large')
      const deepest = '> '.repeat(MAX_NESTING / 2)
      expect(markdown(fileOf('# T', '', `${deepest}Deep.`)).body).toEqual([
        { type: 'quote', text: 'Deep.' },
      ])
    },
  )

  it('refuses a block quote that keeps coming back after lazy lines', () => {
    const text = fileOf('# T', '', '> quoted\nlazy\n'.repeat(MAX_LAZY_RUNS + 1))
    expect(failure(() => markdown(text)).message).toBe(
      `body: at most ${MAX_LAZY_RUNS} lazy continuation lines in one block quote allowed`,
    )
    const nested = fileOf('# T', '', '> > inner\n> outer\n'.repeat(MAX_LAZY_RUNS + 1))
    expect(failure(() => markdown(nested)).code).toBe('too_large')
  })

  it(
    'reads runs of emphasis delimiters, email-like words and unclosed comments as text',
    { timeout: 60_000 },
    () => {
      const units = [
        '_a',
        '*a',
        '**a*',
        '~~a',
        '*a ',
        'a_b@c.',
        '[a',
        '`a',
        '<a ',
        'x <?a ',
        '**<!--a ',
      ]
      for (const unit of [...units, 'x <![CDATA[a ', 'x <!a b ']) {
        // Within the shape bounds (src/ingest/shape.ts): 27,000 delimiters and 18,000 "[" at most.
        const text = fileOf('# T', '', unit.repeat(9_000))
        const article = markdown(text)
        expect(article.body).toHaveLength(1)
      }
    },
  )

  it('refuses an HTML block of more tags than the HTML parser handles in linear time', () => {
    const html = `<div>${'<figure><figcaption></div> '.repeat(MAX_HTML_TAGS)}`
    expect(failure(() => markdown(fileOf('# T', '', html)))).toMatchObject({
      status: 422,
      code: 'too_large',
      message: `HTML block: at most ${MAX_HTML_TAGS} tags allowed`,
    })
    const table = `<table>${'<tr><td>a</td><td>b</td></tr>'.repeat(400)}</table>`
    expect(markdown(fileOf('# T', '', table)).body).toHaveLength(800)
  })

  it('keeps emphasis markers as text where it gave up on emphasis', () => {
    const text = `${'*a* '.repeat(200)}and _more_`
    const [block] = markdown(fileOf('# T', '', text)).body
    expect(block).toEqual({ type: 'paragraph', text: `${'*a* '.repeat(200)}and _more_`.trim() })
    const emphasis = Array.from({ length: 10 }, () => ({ text: 'a', em: true as const }))
    expect(markdown(fileOf('# T', '', '*a* '.repeat(10))).body).toEqual([
      {
        type: 'paragraph',
        text: 'a a a a a a a a a a',
        spans: emphasis.flatMap((run, i) => (i === 0 ? [run] : [{ text: ' ' }, run])),
      },
    ])
  })
})

describe('odd whitespace and characters', () => {
  it('reads past 10,000 blank lines', () => {
    const text = fileOf(
      '---',
      'title: T',
      '---',
      '\n'.repeat(10_000),
      '# Ignored h1',
      '\n'.repeat(10_000),
      'Body.',
    )
    expect(markdown(text).body).toEqual([
      { type: 'heading', level: 2, text: 'Ignored h1' },
      { type: 'paragraph', text: 'Body.' },
    ])
    expect(failure(() => markdown('\n'.repeat(10_000))).code).toBe('missing_title')
    expect(markdown(fileOf('---', '\n'.repeat(10_000), '---', '# T', '', 'Body.')).title).toBe('T')
  })

  it('drops NUL, control characters and half surrogate pairs', () => {
    const a = markdown(`# Ti\u0000tle \uD800\n\nBo\u0007dy \uDC00text 😀.`)
    expect([a.title, a.body]).toEqual(['Title', [{ type: 'paragraph', text: 'Body text 😀.' }]])
  })
})

describe('what Markdown may hold before it is read (src/ingest/shape.ts)', () => {
  const over = (text: string) => failure(() => markdown(fileOf('# T', '', text)))

  it('refuses past each bound with 422 too_complex, naming it', () => {
    expect(over('a\n'.repeat(SHAPE_LIMITS.markdownLines))).toEqual(
      expect.objectContaining({
        status: 422,
        code: 'too_complex',
        message: `the upload holds ${SHAPE_LIMITS.markdownLines + 1} lines; at most ${SHAPE_LIMITS.markdownLines} are read (split it, or send it as another format)`,
      }),
    )
    expect(over('['.repeat(SHAPE_LIMITS.brackets + 1)).message).toMatch(
      /^the upload holds 20001 "\[" /,
    )
    expect(over('<'.repeat(SHAPE_LIMITS.tags + 1)).message).toMatch(/^the upload holds 50001 "<" /)
    expect(over('*'.repeat(SHAPE_LIMITS.delimiters + 1)).message).toMatch(
      /^the upload holds 50001 emphasis delimiters/,
    )
    expect(over('- a\n'.repeat(LIMITS.bodyListItems + 1))).toEqual(
      expect.objectContaining({
        code: 'too_large',
        message: 'body lists: at most 10000 items allowed',
      }),
    )
  })

  it('reads what is at each bound', () => {
    expect(markdown(fileOf('# T', '', '['.repeat(SHAPE_LIMITS.brackets))).body).toHaveLength(1)
    expect(markdown(fileOf('# T', '', '- a\n'.repeat(LIMITS.bodyListItems))).body).toEqual([
      { type: 'list', ordered: false, items: Array(LIMITS.bodyListItems).fill('a') },
    ])
  })
})
