import { describe, expect, it } from 'vitest'
import { MAX_ALIASES, MAX_FRONT_MATTER_CHARS } from '../../../src/ingest/markdown/front-matter'
import { MAX_LAZY_RUNS, MAX_NESTING } from '../../../src/ingest/markdown/lex'
import hostileHtml from './fixtures/hostile-html.md?raw'
import yamlBomb from './fixtures/yaml-bomb.md?raw'
import { failure, fileOf, markdown } from './helpers'

/** Runs `run`, expecting it to be done within `ms`: a hang is the failure these tests look for. */
function quickly<T>(ms: number, run: () => T): T {
  const started = Date.now()
  try {
    return run()
  } finally {
    expect(Date.now() - started).toBeLessThan(ms)
  }
}

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
    expect(quickly(1000, () => failure(() => markdown(yamlBomb)))).toMatchObject({
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
      const error = quickly(1000, () => failure(() => markdown(fileOf('---', yaml, '---', 'x'))))
      expect(error).toMatchObject({
        status: 400,
        code: 'invalid_front_matter',
        message: 'front matter: nested more than 32 levels deep',
      })
    }
  })

  it('bounds the front matter’s size', () => {
    const yaml = `title: T\nsummary: "${'a'.repeat(MAX_FRONT_MATTER_CHARS)}"`
    expect(failure(() => markdown(fileOf('---', yaml, '---', 'Body.')))).toMatchObject({
      status: 422,
      code: 'too_large',
    })
    const keys = Array.from({ length: 6000 }, (_, i) => `k${i}: v`).join('\n')
    expect(
      quickly(2000, () => markdown(fileOf('---', 'title: T', keys, '---', 'Body.'))).title,
    ).toBe('T')
  })
})

describe('Markdown that marked would recurse or loop on', () => {
  it('refuses nesting deeper than the limit, and reads nesting up to it', () => {
    for (const line of ['>'.repeat(10_000), '- '.repeat(10_000), '1. '.repeat(5000)]) {
      const error = quickly(1000, () => failure(() => markdown(fileOf('# T', '', `${line} x`))))
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
  })

  it('refuses a block quote that keeps coming back after lazy lines', () => {
    const text = fileOf('# T', '', '> quoted\nlazy\n'.repeat(MAX_LAZY_RUNS + 1))
    expect(quickly(1000, () => failure(() => markdown(text))).message).toBe(
      `body: at most ${MAX_LAZY_RUNS} lazy continuation lines in one block quote allowed`,
    )
    const nested = fileOf('# T', '', '> > inner\n> outer\n'.repeat(MAX_LAZY_RUNS + 1))
    expect(failure(() => markdown(nested)).code).toBe('too_large')
  })

  it('stays fast on runs of emphasis delimiters and email-like words', () => {
    for (const unit of ['_a', '*a', '**a*', '~~a', '*a ', 'a_b@c.', '[a', '`a', '<a ']) {
      const text = fileOf('# T', '', unit.repeat(100_000))
      const article = quickly(3000, () => markdown(text))
      expect(article.body).toHaveLength(1)
    }
  })

  it('keeps emphasis markers as text where it gave up on emphasis', () => {
    const text = `${'*a* '.repeat(200)}and _more_`
    const [block] = markdown(fileOf('# T', '', text)).body
    expect(block).toEqual({ type: 'paragraph', text: `${'*a* '.repeat(200)}and _more_`.trim() })
    expect(markdown(fileOf('# T', '', '*a* '.repeat(10))).body).toEqual([
      { type: 'paragraph', text: 'a a a a a a a a a a' },
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
    expect(quickly(1000, () => markdown(text)).body).toEqual([
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
