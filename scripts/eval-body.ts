/**
 * `npm run eval:body -- [folder] [--name edge-articles] [--keep <dir>] [--pages] [--runs 5]`
 *
 * Scores the HTML normalizer's article bodies on an article-extraction benchmark folder laid out
 * as scrapinghub/article-extraction-benchmark is (`html/<id>.html.gz`, `ground-truth.json`,
 * `evaluate.py`, `output/<name>.json`); by default ../shared/extraction-dev. Every page is
 * normalized in-process, its body written in the benchmark's format, and the benchmark's own
 * scorer (python3) prints the table with our row beside the published ones. Then the CPU per
 * page (median, p90, max over pages of each page's median of `--runs` calls after its first, so
 * compiling the code is not counted; 0 skips it) and the pages that scored lowest (every page,
 * worst first, with `--pages`), each with its precision and recall: low precision is extra text,
 * low recall text missed.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { gunzipSync } from 'node:zlib'
import { IngestError, normalizeUpload } from '../src/ingest'
import { articleBody } from './eval-body-lib'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string', default: 'edge-articles' },
    keep: { type: 'string' },
    pages: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
  },
})
const folder = resolve(
  positionals[0] ?? resolve(import.meta.dirname, '../../shared/extraction-dev'),
)

const pages = readdirSync(join(folder, 'html'))
  .filter((name) => name.endsWith('.html.gz'))
  .sort()
const runs = Number(values.runs)
const output: Record<string, { articleBody: string }> = {}
const cpu: { id: string; ms: number }[] = []
const refused: string[] = []
for (const name of pages) {
  const id = name.slice(0, -'.html.gz'.length)
  const text = gunzipSync(readFileSync(join(folder, 'html', name))).toString('utf8')
  const normalize = () => normalizeUpload({ format: 'html', text }, {})
  let body = ''
  try {
    body = articleBody(normalize())
  } catch (error) {
    if (!(error instanceof IngestError)) throw error
    refused.push(`${id}: ${error.code} ${error.message}`)
  }
  output[id] = { articleBody: body }
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = process.cpuUsage()
    try {
      normalize()
    } catch {
      // Refused above; a refusal's cost is counted like any other.
    }
    const used = process.cpuUsage(started)
    times.push((used.user + used.system) / 1000)
  }
  times.sort((a, b) => a - b)
  if (runs > 0) cpu.push({ id, ms: times[Math.floor(runs / 2)]! })
}

const work = values.keep ? resolve(values.keep) : mkdtempSync(join(tmpdir(), 'eval-body-'))
try {
  cpSync(folder, work, { recursive: true, filter: (src) => !src.includes(`${folder}/html`) })
  writeFileSync(
    join(work, 'output', `${values.name}.json`),
    JSON.stringify({ version: 'main', output }),
  )
  const table = execFileSync('python3', ['evaluate.py', '--output', 'results.json'], {
    cwd: work,
    encoding: 'utf8',
  })
  console.log(table.trimEnd())
  const sorted = cpu.map((c) => c.ms).sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  if (sorted.length > 0)
    console.log(
      `\nCPU per page (${pages.length} pages, normalizeUpload in Node, each page's median of ${runs} calls after its first): median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
    )
  if (refused.length) console.log(`refused:\n  ${refused.join('\n  ')}`)
  const truth = JSON.parse(readFileSync(join(work, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >
  const lowest = Object.keys(output)
    .map((id) => ({ id, ...pageScore(truth[id]!.articleBody, output[id]!.articleBody) }))
    .sort((a, b) => a.f1 - b.f1)
    .slice(0, values.pages ? undefined : 10)
  const row = (p: (typeof lowest)[number]) =>
    `${p.id} F1 ${p.f1.toFixed(3)}  P ${p.precision.toFixed(3)}  R ${p.recall.toFixed(3)}  ${truth[p.id]!.url}`
  console.log(
    `lowest pages (F1 of 4-word shingles, as the scorer counts them):\n  ${lowest.map(row).join('\n  ')}`,
  )
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true })
}

/**
 * The scorer's per-page precision, recall and F1, for finding the pages to read (the table is
 * evaluate.py's own). Its words are Python's Unicode `\w+`: letters, digits and `_` of any script.
 */
function pageScore(truth: string, prediction: string) {
  const shingles = (text: string) => {
    const words = text.match(/[\p{L}\p{N}_]+/gu) ?? []
    const counts = new Map<string, number>()
    for (let i = 0; i + 4 <= Math.max(words.length, 4); i++) {
      const key = words.slice(i, i + 4).join(' ')
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    return counts
  }
  const t = shingles(truth)
  const p = shingles(prediction)
  let tp = 0
  for (const [key, n] of p) tp += Math.min(n, t.get(key) ?? 0)
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)
  const precision = sum(p) ? tp / sum(p) : 0
  const recall = sum(t) ? tp / sum(t) : 0
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return { precision, recall, f1 }
}
