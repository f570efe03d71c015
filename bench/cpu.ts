import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { Bench } from 'tinybench'
import { normalizeUpload } from '../src/ingest'
import type { Article, NormalizedArticle } from '../src/model/article'
import { renderArticlePage } from '../src/views/article-page'
import { generatedNewsPage } from './html-page'
import type { BenchOptions } from './options'
import { seedText } from './seed'

/** The Workers free plan: 10 ms of CPU per request. */
export const CPU_BUDGET_MS = 10

/**
 * Per call, µs: `cpu` is process CPU time (user + system, GC threads included) over the measured
 * calls, which other work on the machine cannot inflate; p50/mean/p99 are tinybench's wall times.
 */
export type CpuMeasured =
  | { ok: true; name: string; cpu: number; p50: number; mean: number; p99: number; samples: number }
  | { ok: false; name: string; reason: string }

/** The largest page of ../shared/corpus/html, else a generated ~250 KB one. */
function largeHtml(root: string): { name: string; text: string } {
  const folder = resolve(root, '../shared/corpus/html')
  const pages = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.html')) : []
  const largest = pages
    .map((file) => resolve(folder, file))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0]
  const text = largest ? readFileSync(largest, 'utf8') : generatedNewsPage()
  const kb = Math.round(Buffer.byteLength(text) / 1024)
  return { name: `${largest ? basename(largest) : 'generated page'}, ${kb} KB`, text }
}

/** What the routes hand to the view: the stored form of a normalized article. */
const asStored = (article: NormalizedArticle): Article => ({
  ...article,
  id: 'bench',
  url: `/articles/${article.slug}`,
  readingMinutes: Math.max(1, Math.ceil(article.wordCount / 230)),
  status: 'published',
  publishAt: null,
  createdAt: '2011-09-22T10:00:00.000Z',
  updatedAt: '2011-09-22T10:00:00.000Z',
  revision: 1,
  source: { format: 'text', url: article.sourceUrl, contentHash: '0'.repeat(64) },
})

/** Microseconds per call, in Node (the same V8 as workerd, not the same process), via tinybench. */
export async function measureCpu(root: string, options: BenchOptions): Promise<CpuMeasured[]> {
  const seed = seedText()
  const html = largeHtml(root)
  const stored = asStored(normalizeUpload({ format: 'text', text: seed }, {}))
  const site = { name: 'Edge Articles', origin: 'https://example.com' }
  const tasks: [string, () => unknown][] = [
    [
      'normalizeUpload · seed (archive text)',
      () => normalizeUpload({ format: 'text', text: seed }, {}),
    ],
    [
      `normalizeUpload · HTML (${html.name})`,
      () => normalizeUpload({ format: 'html', text: html.text }, {}),
    ],
    ['renderArticlePage · seed', () => renderArticlePage(stored, site)],
    [
      'normalize + render · seed',
      () => renderArticlePage(asStored(normalizeUpload({ format: 'text', text: seed }, {})), site),
    ],
  ]
  const results: CpuMeasured[] = []
  for (const [name, fn] of tasks) {
    try {
      fn()
    } catch (error) {
      const code = (error as { code?: string }).code ?? String(error)
      results.push({ ok: false, name, reason: `n/a (${code})` })
      continue
    }
    // Warm up by hand so the process CPU counted below covers measured calls only.
    for (const until = performance.now() + Math.min(500, options.cpuMs); performance.now() < until;)
      fn()
    const bench = new Bench({ time: options.cpuMs, warmup: false })
    bench.add(name, fn)
    const cpu0 = process.cpuUsage()
    await bench.run()
    const cpu = process.cpuUsage(cpu0)
    const task = bench.tasks[0]!
    const r = task.result
    if (r.state !== 'completed') {
      results.push({ ok: false, name, reason: `n/a (${r.state})` })
      continue
    }
    results.push({
      ok: true,
      name,
      cpu: (cpu.user + cpu.system) / task.runs,
      p50: r.latency.p50 * 1000,
      mean: r.latency.mean * 1000,
      p99: r.latency.p99 * 1000,
      samples: r.latency.samplesCount,
    })
  }
  return results
}
