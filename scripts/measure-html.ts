/**
 * What the HTML normalizer costs: CPU per page against Readability on linkedom (for comparison
 * only; src/ never imports them), and, with --bundle, bytes added to the Worker.
 *
 *   npx tsx scripts/measure-html.ts [folder] [--iterations N] [--bundle]
 *
 * CPU is process.cpuUsage() around each call after three warm-up calls (the median of N, 30 by
 * default), with the first, cold call reported apart. --bundle runs `wrangler deploy --dry-run`
 * on this tree and on a copy whose HTML parser is a stub, and bundles each extractor alone.
 */
import { Readability } from '@mozilla/readability'
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { parseHTML } from 'linkedom'
import { parseHtmlArticle } from '../src/ingest/html'
import { quietWranglerEnv } from './wrangler-env'

const root = resolve(import.meta.dirname, '..')
const argv = process.argv.slice(2)
const folder = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--iterations')
const iterations = Number(argv[argv.indexOf('--iterations') + 1]) || 30

type Extractor = (html: string) => unknown
const extractors: [string, Extractor][] = [
  ['ours', (html) => parseHtmlArticle(html, {})],
  ['readability+linkedom', (html) => new Readability(parseHTML(html).document).parse()],
]

function cpuMs(run: () => unknown): number {
  const start = process.cpuUsage()
  run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const ms = (value: number) => value.toFixed(2).padStart(8)

function measureCpu(dir: string): void {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
  const width = Math.max(4, ...files.map((f) => f.length))
  console.log(`CPU ms per page: median and fastest of ${iterations} calls after 3 warm-up calls;`)
  console.log('the first, cold call apart. On a busy machine trust the ratio and the fastest.')
  const cols = ['median', 'fastest', 'first'].map((c) => c.padStart(8)).join('')
  console.log(`${''.padEnd(width)}        ${'ours'.padEnd(24)}  readability+linkedom`)
  console.log(`${'page'.padEnd(width)}      KB${cols}  ${cols}`)
  const totals = extractors.map(() => [] as number[])
  for (const file of files) {
    const html = readFileSync(join(dir, file), 'utf8')
    const firsts = extractors.map(([, extract]) => cpuMs(() => extract(html)))
    for (let w = 0; w < 3; w++) for (const [, extract] of extractors) extract(html)
    // Interleaved, so a busy machine slows both alike.
    const runs = extractors.map(() => [] as number[])
    for (let i = 0; i < iterations; i++) {
      extractors.forEach(([, extract], e) => runs[e]!.push(cpuMs(() => extract(html))))
    }
    runs.forEach((r, e) => totals[e]!.push(median(r)))
    const cells = runs.map((r, e) => `${ms(median(r))}${ms(Math.min(...r))}${ms(firsts[e]!)}`)
    const kb = (Buffer.byteLength(html) / 1024).toFixed(0).padStart(6)
    console.log(`${file.padEnd(width)}  ${kb}${cells[0]}  ${cells[1]}`)
  }
  const summary = extractors.map(([name], i) => `${name} ${median(totals[i]!).toFixed(2)} ms`)
  console.log(`median over pages: ${summary.join(', ')}`)
}

async function bundled(label: string, contents: string): Promise<void> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker'],
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]!.contents
  console.log(
    `${label.padEnd(34)} ${kib(code.byteLength)} KiB, gzip ${kib(gzipSync(code).byteLength)} KiB`,
  )
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7)

function workerUpload(dir: string): string {
  const out = mkdtempSync(join(tmpdir(), 'bundle-check-'))
  const run = spawnSync(
    join(root, 'node_modules/.bin/wrangler'),
    ['deploy', '--dry-run', '--outdir', out],
    {
      cwd: dir,
      env: quietWranglerEnv(root),
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    },
  )
  rmSync(out, { recursive: true, force: true })
  return /Total Upload: ([^\n]+)/.exec(run.stdout)?.[1] ?? `failed: ${run.stderr.slice(-300)}`
}

async function measureBundle(): Promise<void> {
  console.log('\nAlone, minified (what each extractor brings with it):')
  await bundled(
    'parseHtmlArticle + htmlparser2',
    "export { parseHtmlArticle } from './src/ingest/html'",
  )
  await bundled(
    'Readability + linkedom',
    "export { Readability } from '@mozilla/readability'; export { parseHTML } from 'linkedom'",
  )
  console.log('\nThe Worker (wrangler deploy --dry-run):')
  console.log(`  this tree:                 ${workerUpload(root)}`)
  const copy = mkdtempSync(join(tmpdir(), 'html-stub-'))
  try {
    for (const entry of ['src', 'drizzle', 'wrangler.toml', 'package.json', 'tsconfig.json']) {
      cpSync(join(root, entry), join(copy, entry), { recursive: true })
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'))
    writeFileSync(
      join(copy, 'src/ingest/html/index.ts'),
      "import { IngestError } from '../errors'\nexport function parseHtmlArticle(_h: string, _m: unknown): never {\n  throw new IngestError(415, 'unsupported_format', 'stub')\n}\n",
    )
    console.log(`  with a stub HTML parser:   ${workerUpload(copy)}`)
  } finally {
    rmSync(copy, { recursive: true, force: true })
  }
}

const pages = folder ?? '/work/shared/corpus/html'
if (!statSync(pages, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(
    `measure-html: no folder at ${resolve(pages)}: pass a folder of saved .html pages, e.g. npx tsx scripts/measure-html.ts ../shared/corpus/html`,
  )
  process.exit(1)
}
measureCpu(pages)
if (argv.includes('--bundle')) await measureBundle()
