/**
 * Scores the normalizer against hand-read expectations.
 *
 *   npx tsx scripts/eval.ts <folder> [--expected <folder>] [--strict]
 *
 * Every `NAME.txt` with a `NAME.expected.json` (beside it, or in --expected) is normalized and
 * compared field by field. --strict exits 1 on any mismatch.
 */
import { readdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { decodeUtf8, normalizeUpload } from '../src/ingest'
import type { NormalizedArticle } from '../src/model/article'

/** The fields of `*.expected.json` that the normalizer is scored on. */
interface Expected {
  headline: string
  kicker: string | null
  dateline: string | null
  byline: string[]
  related: string[]
  paragraph_count: number
  first_paragraph_starts: string
  archive_notice: boolean
  captions: string[]
}

type Field = keyof Expected
const FIELDS: Field[] = [
  'headline',
  'kicker',
  'dateline',
  'byline',
  'related',
  'paragraph_count',
  'first_paragraph_starts',
  'archive_notice',
  'captions',
]

interface Case {
  name: string
  expected: Expected
  /** How the article is obtained: normalized in-process now; an HTTP `--url` runner can follow. */
  load: () => Promise<NormalizedArticle>
}

type Outcome = { name: string; error: string } | { name: string; mismatches: Map<Field, string> }

function extract(article: NormalizedArticle): Expected {
  const paragraphs = article.body.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []))
  return {
    headline: article.title,
    kicker: article.kicker,
    dateline: article.dateline,
    byline: article.authors.map((a) => a.name),
    related: article.related.map((r) => r.title),
    paragraph_count: paragraphs.length,
    first_paragraph_starts: (paragraphs[0] ?? '').slice(0, 40),
    archive_notice: article.notices.length > 0,
    captions: article.captions,
  }
}

async function textCases(folder: string, expectedFolder: string): Promise<Case[]> {
  const names = (await readdir(folder)).filter((f) => f.endsWith('.txt')).sort()
  const cases: Case[] = []
  for (const file of names) {
    const name = basename(file, '.txt')
    const expectedText = await readFile(
      join(expectedFolder, `${name}.expected.json`),
      'utf8',
    ).catch(() => null)
    if (expectedText === null) continue
    cases.push({
      name,
      expected: JSON.parse(expectedText) as Expected,
      load: async () => {
        const text = decodeUtf8(new Uint8Array(await readFile(join(folder, file))))
        return normalizeUpload({ format: 'text', text }, {})
      },
    })
  }
  return cases
}

async function run(c: Case): Promise<Outcome> {
  let actual: Expected
  try {
    actual = extract(await c.load())
  } catch (error) {
    return {
      name: c.name,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    }
  }
  const mismatches = new Map<Field, string>()
  for (const field of FIELDS) {
    const want = JSON.stringify(c.expected[field])
    const got = JSON.stringify(actual[field])
    if (want !== got) mismatches.set(field, `want ${want}\n      got  ${got}`)
  }
  return { name: c.name, mismatches }
}

function report(outcomes: Outcome[]): number {
  const short = (f: Field) =>
    f.replace('first_paragraph_starts', 'first40').replace('paragraph_count', 'paras')
  const width = Math.max(4, ...outcomes.map((o) => o.name.length))
  console.log(['file'.padEnd(width), ...FIELDS.map(short)].join('  '))
  let failures = 0
  for (const o of outcomes) {
    const cells = FIELDS.map((f) => {
      const ok = !('error' in o) && !o.mismatches.has(f)
      if (!ok) failures++
      return (ok ? 'ok' : 'FAIL').padEnd(short(f).length)
    })
    console.log([o.name.padEnd(width), ...cells].join('  '))
  }
  console.log()
  for (const o of outcomes) {
    if ('error' in o) console.log(`${o.name}: threw ${o.error}`)
    else for (const [f, detail] of o.mismatches) console.log(`${o.name} ${f}:\n      ${detail}`)
  }
  const total = outcomes.length * FIELDS.length
  console.log('field accuracy:')
  for (const f of FIELDS) {
    const ok = outcomes.filter((o) => !('error' in o) && !o.mismatches.has(f)).length
    console.log(`  ${f.padEnd(24)} ${ok}/${outcomes.length}`)
  }
  const score = total === 0 ? 0 : ((total - failures) / total) * 100
  console.log(
    `overall: ${total - failures}/${total} fields (${score.toFixed(1)}%) over ${outcomes.length} files`,
  )
  return failures
}

async function main(argv: string[]): Promise<number> {
  const strict = argv.includes('--strict')
  const at = argv.indexOf('--expected')
  const expectedFolder = at >= 0 ? argv[at + 1] : undefined
  const folder = argv.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1))
  if (!folder) {
    console.error('usage: npx tsx scripts/eval.ts <folder> [--expected <folder>] [--strict]')
    return 2
  }
  const cases = await textCases(folder, expectedFolder ?? folder)
  if (cases.length === 0) {
    console.error(`no *.txt with a matching *.expected.json in ${folder}`)
    return 2
  }
  const outcomes: Outcome[] = []
  for (const c of cases) outcomes.push(await run(c))
  const failures = report(outcomes)
  return strict && failures > 0 ? 1 : 0
}

process.exitCode = await main(process.argv.slice(2))
