import type { SourceFormat } from '../../src/model/article'

/**
 * Inputs built to make a parser work hard, each at about `n` bytes: long lists, runs of link
 * openers, unclosed tags, thousands of bylines, a byline of one endless name. Whatever a parser
 * does with them (read them, or refuse them early), its cost must grow with `n`, not faster.
 */
export const ADVERSARIAL: [name: string, format: SourceFormat, make: (n: number) => string][] = [
  ['Markdown: one long list', 'markdown', (n) => `# T\n\n${'- ab\n'.repeat(n / 5)}`],
  ['Markdown: a run of "!["', 'markdown', (n) => `# T\n\n${'!['.repeat(n / 2)}`],
  ['Markdown: a run of "["', 'markdown', (n) => `# T\n\n${'['.repeat(n)}`],
  ['Markdown: "[a](" again and again', 'markdown', (n) => `# T\n\n${'[a]('.repeat(n / 4)}`],
  ['Markdown: quoted lines', 'markdown', (n) => `# T\n\n${'> a\n'.repeat(n / 4)}`],
  ['Markdown: tiny paragraphs', 'markdown', (n) => `# T\n\n${'word word word\n\n'.repeat(n / 16)}`],
  ['Markdown: emphasis everywhere', 'markdown', (n) => `# T\n\n${'a *b* '.repeat(n / 6)}`],
  [
    'Markdown: a long table',
    'markdown',
    (n) => `# T\n\n| a | b |\n|---|---|\n${'| x | y |\n'.repeat(n / 10)}`,
  ],
  [
    'Markdown: one long paragraph',
    'markdown',
    (n) => `# T\n\n${'plain words and more '.repeat(n / 21)}`,
  ],
  ['Markdown: spaces in a link', 'markdown', (n) => `# T\n\n[a${' '.repeat(n)}](x`],
  ['HTML: unclosed <li>', 'html', (n) => `<h1>T</h1><ul>${'<li>x'.repeat(n / 5)}`],
  [
    'HTML: paragraphs',
    'html',
    (n) => `<h1>T</h1><article>${'<p>Some words here, and more.</p>'.repeat(n / 33)}`,
  ],
  ['HTML: links', 'html', (n) => `<h1>T</h1><p>${'<a href="/x">x</a> '.repeat(n / 20)}</p>`],
  [
    'HTML: JSON-LD with thousands of authors',
    'html',
    (n) =>
      `<script type="application/ld+json">${JSON.stringify({
        '@type': 'NewsArticle',
        headline: 'T',
        author: Array.from({ length: n / 40 }, (_, i) => ({
          '@type': 'Person',
          name: `Jane Doe ${i} ,,,,,,`,
        })),
      })}</script><h1>T</h1><p>Body text here.</p>`,
  ],
  [
    'HTML: JSON-LD author names with long comma runs',
    'html',
    (n) =>
      `<script type="application/ld+json">${JSON.stringify({
        '@type': 'NewsArticle',
        headline: 'T',
        author: Array.from({ length: 200 }, () => ({
          '@type': 'Person',
          name: `Jane ${' ,'.repeat(n / 400)}x`,
        })),
      })}</script><h1>T</h1><p>Body text here.</p>`,
  ],
  [
    'HTML: a byline of commas',
    'html',
    (n) => `<h1>T</h1><p class="byline">By ${'a ,'.repeat(n / 3)}x</p><p>Body text, words.</p>`,
  ],
  [
    'HTML: a link text of "]"',
    'html',
    (n) =>
      `<h1>T</h1><p>Body text, words.</p><aside><a href="https://x.com/a">${']'.repeat(n)}x</a></aside>`,
  ],
  [
    'HTML: dashes before a link',
    'html',
    (n) => `<h1>T</h1><p>${'-'.repeat(n)}x <a href="https://x.com/a">Some title here</a></p>`,
  ],
  [
    'HTML: a date of commas',
    'html',
    (n) => `<h1>T</h1><time>${'1, '.repeat(n / 3)}</time><p>Body text, words.</p>`,
  ],
  ['text: "-- x" lines', 'text', (n) => `TITLE: T\n\nBody.\n\n${'-- x\n'.repeat(n / 5)}`],
  ['text: paragraphs', 'text', (n) => `TITLE: T\n\n${'Words words words.\n\n'.repeat(n / 20)}`],
  [
    'text: related headlines',
    'text',
    (n) => `TITLE: T\n\nBody.\n\nRELATED\n\n${'Some headline here\n'.repeat(n / 19)}`,
  ],
  ['text: a byline of spaces', 'text', (n) => `TITLE: T\n\nBody.\n\n-- Jane${' '.repeat(n)}x`],
  [
    'JSON: many paragraphs',
    'json',
    (n) => JSON.stringify({ title: 'T', body: Array.from({ length: n / 12 }, () => 'word word.') }),
  ],
  // Units marked's inline lexer once went quadratic or deep on (tests/ingest/markdown).
  ...[
    '_a',
    '*a',
    '**a*',
    '~~a',
    'a_b@c.',
    '[a',
    '`a',
    '<a ',
    'x <?a ',
    '**<!--a ',
    'x <![CDATA[a ',
  ].map((unit): [string, SourceFormat, (n: number) => string] => [
    `Markdown: "${unit}" again and again`,
    'markdown',
    (n) => `# T\n\n${unit.repeat(n / unit.length)}`,
  ]),
  [
    'HTML: nested <div>s',
    'html',
    (n) => `<title>Deep</title>${'<div>'.repeat(n / 5)}<p>Bottom.</p>`,
  ],
  [
    'Markdown: blank lines',
    'markdown',
    (n) => `---\ntitle: T\n---\n${'\n'.repeat(n / 2)}# H\n${'\n'.repeat(n / 2)}Body.`,
  ],
]
