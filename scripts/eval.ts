/**
 * Scores the normalizer against hand-read expectations.
 *
 *   npx tsx scripts/eval.ts <folder> [--expected <folder>] [--strict] [--url <origin> [--token T]]
 *
 * Every `NAME.txt` with a `NAME.expected.json` (beside it, or in --expected) is normalized and
 * compared field by field; so is every `NAME.html` whose expected file has a `human_read` part
 * (title, byline, date, and dateline, first paragraph and paragraph count where it gives them).
 * Without --url the files are normalized in-process; with it each one is uploaded through
 * `POST <origin>/api/articles` and the stored article the server returns is scored (the token
 * defaults to INGEST_TOKEN in .dev.vars). --strict exits 1 on any mismatch.
 */
import { statSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { basename, extname, join, resolve } from 'node:path'
import { decodeUtf8, normalizeUpload } from '../src/ingest'
import type { SourceFormat } from '../src/model/article'
import { devToken } from './cli/dev-token'

/** The parts of an article that are scored: a normalized article and the API's JSON alike. */
interface Scored {
  title: string
  kicker: string | null
  dateline: string | null
  authors: { name: string }[]
  body: ({ type: string; text?: string } | { type: 'list'; items: string[] })[]
  related: { title: string }[]
  notices: string[]
  captions: string[]
  publishedAt: string | null
}

type Values = Record<string, unknown>

const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
}

interface Mode {
  fields: string[]
  short: (field: string) => string
  extract: (article: Scored) => Values
}

interface Case {
  name: string
  file: string
  format: SourceFormat
  /** Expected values of the fields this file is scored on. */
  expected: Values
}

interface Outcome {
  name: string
  /** The fields this file is scored on. */
  scored: string[]
  error?: string
  mismatches: Map<string, string>
}

const paragraphs = (a: Scored) =>
  a.body.flatMap((b) => (b.type === 'paragraph' ? [b.text ?? ''] : []))

const TEXT: Mode = {
  fields: [
    'headline',
    'kicker',
    'dateline',
    'byline',
    'related',
    'paragraph_count',
    'first_paragraph_starts',
    'archive_notice',
    'captions',
  ],
  short: (f) => f.replace('first_paragraph_starts', 'first40').replace('paragraph_count', 'paras'),
  extract: (a) => ({
    headline: a.title,
    kicker: a.kicker,
    dateline: a.dateline,
    byline: a.authors.map((x) => x.name),
    related: a.related.map((r) => r.title),
    paragraph_count: paragraphs(a).length,
    first_paragraph_starts: (paragraphs(a)[0] ?? '').slice(0, 40),
    archive_notice: a.notices.length > 0,
    captions: a.captions,
  }),
}

const HTML: Mode = {
  fields: ['title', 'byline', 'date', 'dateline', 'first_paragraph_starts', 'paragraph_count'],
  short: TEXT.short,
  extract: (a) => ({
    title: a.title,
    byline: a.authors.map((x) => x.name),
    date: (a.publishedAt ?? '').slice(0, 10) || null,
    dateline: a.dateline,
    first_paragraph_starts: (paragraphs(a)[0] ?? '').slice(0, 40),
    paragraph_count: paragraphs(a).length,
  }),
}

async function findCases(folder: string, expectedFolder: string): Promise<Map<Mode, Case[]>> {
  const found = new Map<Mode, Case[]>([
    [TEXT, []],
    [HTML, []],
  ])
  for (const file of (await readdir(folder)).sort()) {
    const ext = extname(file)
    const mode = ext === '.txt' ? TEXT : ext === '.html' ? HTML : null
    if (!mode) continue
    const name = basename(file, ext)
    const text = await readFile(join(expectedFolder, `${name}.expected.json`), 'utf8').catch(
      () => null,
    )
    if (text === null) continue
    const json = JSON.parse(text) as Values
    const expected = (mode === HTML ? json.human_read : json) as Values | undefined
    if (!expected) continue
    const values = mode === HTML ? { ...expected, date: expected.date ?? null } : expected
    const scored = Object.fromEntries(
      mode.fields.filter((f) => f in values).map((f) => [f, values[f]]),
    )
    found.get(mode)!.push({
      name,
      file: join(folder, file),
      format: mode === HTML ? 'html' : 'text',
      expected: scored,
    })
  }
  return found
}

type Loader = (c: Case) => Promise<Scored>

const inProcess: Loader = async (c) => {
  const text = decodeUtf8(new Uint8Array(await readFile(c.file)))
  return normalizeUpload({ format: c.format, text }, {})
}

function overHttp(origin: string, token: string): Loader {
  return async (c) => {
    const res = await fetch(`${origin.replace(/\/$/, '')}/api/articles`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': CONTENT_TYPES[extname(c.file)]!,
      },
      body: await readFile(c.file),
    })
    const body = (await res.json().catch(() => null)) as
      (Scored & { error?: { code: string; message: string } }) | null
    if (!res.ok || !body) {
      throw new Error(
        `HTTP ${res.status} ${body?.error ? `${body.error.code}: ${body.error.message}` : ''}`,
      )
    }
    return body
  }
}

async function run(c: Case, mode: Mode, load: Loader): Promise<Outcome> {
  const scored = Object.keys(c.expected)
  let actual: Values
  try {
    actual = mode.extract(await load(c))
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    return { name: c.name, error: message, scored, mismatches: new Map() }
  }
  const mismatches = new Map<string, string>()
  for (const field of scored) {
    const want = JSON.stringify(c.expected[field])
    const got = JSON.stringify(actual[field])
    if (want !== got) mismatches.set(field, `want ${want}\n      got  ${got}`)
  }
  return { name: c.name, scored, mismatches }
}

function report(outcomes: Outcome[], mode: Mode): number {
  const width = Math.max(4, ...outcomes.map((o) => o.name.length))
  const ok = (o: Outcome, f: string) => o.error === undefined && !o.mismatches.has(f)
  console.log(['file'.padEnd(width), ...mode.fields.map(mode.short)].join('  '))
  let failures = 0
  let total = 0
  for (const o of outcomes) {
    const cells = mode.fields.map((f) => {
      const scored = o.scored.includes(f)
      if (scored) total++
      if (scored && !ok(o, f)) failures++
      return (scored ? (ok(o, f) ? 'ok' : 'FAIL') : '-').padEnd(mode.short(f).length)
    })
    console.log([o.name.padEnd(width), ...cells].join('  '))
  }
  console.log()
  for (const o of outcomes) {
    if (o.error !== undefined) console.log(`${o.name}: threw ${o.error}`)
    else for (const [f, detail] of o.mismatches) console.log(`${o.name} ${f}:\n      ${detail}`)
  }
  console.log('field accuracy:')
  for (const f of mode.fields) {
    const scored = outcomes.filter((o) => o.scored.includes(f))
    if (scored.length === 0) continue
    console.log(`  ${f.padEnd(24)} ${scored.filter((o) => ok(o, f)).length}/${scored.length}`)
  }
  const score = total === 0 ? 0 : ((total - failures) / total) * 100
  console.log(
    `overall: ${total - failures}/${total} fields (${score.toFixed(1)}%) over ${outcomes.length} files`,
  )
  return failures
}

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name)
  return at >= 0 ? argv[at + 1] : undefined
}

/** One line naming a folder that is not there and what to pass instead; null when it is there. */
function missingFolder(path: string, pass: string): string | null {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) return null
  return `eval: no folder at ${resolve(path)}: pass ${pass}`
}

async function main(argv: string[]): Promise<number> {
  const valued = new Set(['--expected', '--url', '--token'])
  const folder = argv.find((a, i) => !a.startsWith('--') && !valued.has(argv[i - 1] ?? ''))
  if (!folder) {
    console.error(
      'usage: npx tsx scripts/eval.ts <folder> [--expected <folder>] [--strict] [--url <origin> [--token T]]',
    )
    return 2
  }
  const expectedFolder = option(argv, '--expected') ?? folder
  const missing =
    missingFolder(
      folder,
      'a folder of NAME.txt or NAME.html files, e.g. npm run eval -- ../shared/corpus/latimes',
    ) ?? missingFolder(expectedFolder, '--expected <folder> holding the NAME.expected.json files')
  if (missing) {
    console.error(missing)
    return 1
  }
  const url = option(argv, '--url')
  const load = url ? overHttp(url, option(argv, '--token') ?? devToken()) : inProcess
  const found = await findCases(folder, expectedFolder)
  const modes = [...found].filter(([, cases]) => cases.length > 0)
  if (modes.length === 0) {
    console.error(`no *.txt or *.html with a matching *.expected.json in ${folder}`)
    return 2
  }
  let failures = 0
  for (const [i, [mode, cases]] of modes.entries()) {
    if (i > 0) console.log()
    const outcomes: Outcome[] = []
    for (const c of cases) outcomes.push(await run(c, mode, load))
    failures += report(outcomes, mode)
  }
  return argv.includes('--strict') && failures > 0 ? 1 : 0
}

process.exitCode = await main(process.argv.slice(2))
