import { CPU_BUDGET_MS } from './cpu'
import { healthzCpu, healthzRate, pairedHealthz, type Results } from './results'
import type { Measured } from './routes'
import { int, mark, mb, routeRow, times, us, type Row } from './table'
import { GROWTH_METRICS, growthOf, LINEAR_SLOPE, type Target } from './targets'
import type { WriteMeasured } from './write-run'

/** The run as one table: read path, write path, CPU, growth. */
export function tableRows(r: Results, targets: Target[]): Row[] {
  const t = (i: number) => ` ${mark(targets[i]?.pass ?? null)}`
  const h = healthzRate(r.read)
  const read = r.read
  const hCpu = healthzCpu(read)
  const vsHealthz = (
    m: Measured,
    target?: string,
    healthz = { rate: h, cpu: hCpu },
    label = 'healthz',
  ) => {
    if (!m.ok) return ''
    const byCpu =
      typeof m.cpuUs === 'number' && Number.isFinite(healthz.cpu) && m.cpuUs > 0
        ? ` (${(healthz.cpu / m.cpuUs).toFixed(2)}× by CPU)`
        : ''
    return times(m.rate, healthz.rate, label, target) + byCpu
  }
  const n = `${int(read.articles)} articles`
  const rows: Row[] = [
    routeRow(
      'read',
      `/healthz (the runtime's limit), in turns with the cached page · ${n}`,
      read.healthz,
      vsHealthz(read.healthz),
    ),
    routeRow(
      'read',
      '/healthz again, end of the read section',
      read.healthzAfter,
      vsHealthz(read.healthzAfter),
    ),
    routeRow(
      'read',
      'article page, cached (HIT), in turns with /healthz',
      read.cachedPage,
      vsHealthz(read.cachedPage, t(0), pairedHealthz(read), 'its healthz turns'),
    ),
    routeRow('read', '↳ its D1 epoch read alone (scopeEpoch)', read.d1Read, vsHealthz(read.d1Read)),
    routeRow('read', '↳ its KV page read alone (readPage)', read.kvRead, vsHealthz(read.kvRead)),
    routeRow(
      'read',
      '↳ its bytes alone, from a constant in a bare worker',
      read.pageBytes,
      vsHealthz(read.pageBytes),
    ),
    routeRow(
      'read',
      'article JSON /api/articles/:slug',
      read.articleJson,
      vsHealthz(read.articleJson),
    ),
    routeRow('read', 'index / (KV HIT)', read.index, vsHealthz(read.index)),
    routeRow('read', `search ?q=${r.options.searchQuery}`, read.search, vsHealthz(read.search)),
    routeRow(
      'read',
      'article page, uncached (MISS, never-read pages)',
      read.uncachedPage,
      vsHealthz(read.uncachedPage, t(1)),
    ),
    routeRow(
      'read',
      '↳ its four storage operations alone, from a bare worker',
      read.firstViewFloor,
      vsHealthz(read.firstViewFloor) +
        (read.uncachedPage.ok && read.firstViewFloor.ok
          ? `; the MISS is ${times(read.uncachedPage.rate, read.firstViewFloor.rate, 'this floor')}`
          : ''),
    ),
  ]
  const w = r.write
  const floorRatio = (m: WriteMeasured, floor: WriteMeasured, target?: string) =>
    m.ok && floor.ok ? times(m.articlesPerSecond!, floor.articlesPerSecond!, 'floor', target) : ''
  const k = r.options.bulkPerRequest
  rows.push(
    routeRow(
      'write',
      'single upload, text/plain, 1 at a time',
      w.upload,
      floorRatio(w.upload, w.floorSingle) + t(5),
      'articles/s',
    ),
    routeRow(
      'write',
      `D1 floor, 1 article/request, 1 at a time`,
      w.floorSingle,
      '1.00× floor',
      'articles/s',
    ),
    ...(w.uploadFloor
      ? [
          routeRow(
            'write',
            '↳ its storage operations alone (the read before a write, the R2 put, the batch), 1 at a time',
            w.uploadFloor,
            w.upload.ok && w.uploadFloor.ok
              ? `the upload is ${times(w.upload.articlesPerSecond!, w.uploadFloor.articlesPerSecond!, 'this floor')}`
              : '',
            'articles/s',
          ),
        ]
      : []),
    routeRow(
      'write',
      'single upload, text/plain, 8 at once',
      w.uploadEight,
      floorRatio(w.uploadEight, w.floorEight),
      'articles/s',
    ),
    routeRow(
      'write',
      `D1 floor, 1 article/request, 8 at once`,
      w.floorEight,
      '1.00× floor',
      'articles/s',
    ),
    ...(w.uploadIntegrated && w.uploadBare
      ? [
          routeRow(
            'write',
            `single upload with an API key and a webhook endpoint (${int(w.webhooksDelivered ?? 0)} deliveries), 1 at a time`,
            w.uploadIntegrated,
            w.uploadIntegrated.ok && w.uploadBare.ok
              ? times(
                  w.uploadIntegrated.articlesPerSecond!,
                  w.uploadBare.articlesPerSecond!,
                  'without them',
                )
              : '',
            'articles/s',
          ),
          routeRow(
            'write',
            'single upload with the token and no webhook outbox, in turn with it',
            w.uploadBare,
            '1.00× without them',
            'articles/s',
          ),
        ]
      : []),
    routeRow(
      'write',
      `bulk NDJSON, ${k} articles/request`,
      w.bulk,
      floorRatio(w.bulk, w.floorBulk, t(2)),
      'articles/s',
    ),
    routeRow('write', `D1 floor, ${k} articles/request`, w.floorBulk, '1.00× floor', 'articles/s'),
  )
  const bulkRate = w.bulk.ok ? w.bulk.articlesPerSecond! : NaN
  for (const i of r.imports) {
    const what = `import job, ${int(i.articles)} articles (NDJSON${i.bytes ? `, ${mb(i.bytes)}` : ''}) to its end`
    if (!i.ok || !i.articlesPerSecond) {
      rows.push(['write', what, i.reason ?? 'failed', '', '', '', ''])
      continue
    }
    const vsFloor = times(i.articlesPerSecond, i.floorPerSecond!, 'grouped floor')
    const vsBulk = times(i.articlesPerSecond, bulkRate, 'bulk')
    rows.push(
      [
        'write',
        what,
        `${int(i.articlesPerSecond)} articles/s`,
        '',
        '',
        '',
        `${vsFloor}; ${vsBulk}${t(6)}`,
      ],
      [
        'write',
        `↳ D1 floor, 25 articles/batch, rows merged, on the same worker`,
        `${int(i.floorPerSecond!)} articles/s`,
        '',
        '',
        '',
        '1.00× grouped floor',
      ],
      [
        'write',
        `↳ workerd peak memory (app, D1, KV and R2 simulators) · D1 file per article · original in R2 per article`,
        i.peakRssBytes ? mb(i.peakRssBytes) : 'n/a',
        '',
        '',
        '',
        `${int(i.d1BytesPerArticle!)} B/article in D1 (was ${int(i.d1BytesPerArticle! + i.originalBytesPerArticle!)} with the original in D1) → ${int(10e9 / i.d1BytesPerArticle!)} articles in 10 GB`,
      ],
    )
  }
  for (const c of r.cpu) {
    const budget = c.ok ? `${((c.cpu / 1000 / CPU_BUDGET_MS) * 100).toFixed(1)}% of 10 ms` : ''
    const target = c.name.startsWith('normalize + render') ? t(3) : ''
    rows.push(
      c.ok
        ? ['cpu', c.name, `${us(c.cpu)} CPU/call`, us(c.p50), us(c.p99), '', budget + target]
        : ['cpu', c.name, c.reason, '', '', '', ''],
    )
  }
  const x = r.extraction
  rows.push(
    x.ok
      ? [
          'cpu',
          `normalizeUpload · HTML, the ${x.pages} real pages of the extraction dev set, per page`,
          `${x.median.toFixed(1)} ms CPU/page`,
          '',
          '',
          '',
          `median ${x.median.toFixed(1)} ms · p90 ${x.p90.toFixed(1)} ms · max ${x.max.toFixed(1)} ms${x.refused ? ` · ${x.refused} refused` : ''}`,
        ]
      : ['cpu', 'normalizeUpload · HTML, the extraction dev set', x.reason, '', '', '', ''],
  )
  for (const stage of r.growth) {
    const at = int(stage.articles)
    const { load } = stage
    rows.push([
      'growth',
      `→ ${at} articles: ${int(load.articles)} loaded straight into D1 in ${load.seconds.toFixed(1)} s`,
      `${int(load.articles / load.seconds)} articles/s`,
      '',
      '',
      '',
      '',
    ])
    const [before, after] = stage.reference
    rows.push(routeRow('growth', `reference: one indexed D1 read, before @ ${at}`, before))
    for (const [key, label] of Object.entries(GROWTH_METRICS) as [
      keyof typeof GROWTH_METRICS,
      string,
    ][]) {
      const g = stage === r.growth.at(-1) ? growthOf(r.growth, key) : null
      const verdict = g ? ` ${g.slope > LINEAR_SLOPE ? '✗ ~linear' : '✓'}` : ''
      const ratio = !g
        ? ''
        : Number.isFinite(g.ratio)
          ? `×${g.ratio.toFixed(2)} vs ${int(r.growth[0]!.articles)}, N^${g.slope.toFixed(2)}${verdict}`
          : `no answer at ${at}${verdict}`
      rows.push(routeRow('growth', `${label} @ ${at}`, stage[key], ratio))
    }
    rows.push(routeRow('growth', `reference: one indexed D1 read, after @ ${at}`, after))
    const ix = stage.searchIndexes
    rows.push([
      'growth',
      `search indexes @ ${at}: words (every article) · CJK (the ${int(ix.cjkArticles)} with CJK text)`,
      `${mb(ix.words)} · ${mb(ix.cjk)}`,
      '',
      '',
      '',
      `${int(ix.words / ix.wordArticles)} B/article · ${int(ix.cjk / ix.cjkArticles)} B per CJK article; CJK adds ${((ix.cjk / ix.words) * 100).toFixed(1)}%`,
    ])
  }
  return rows
}
