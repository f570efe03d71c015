import { referenceP50, type GrowthStage } from './growth'
import { GROWTH_METRICS, growthOf } from './targets'

const W = 720
const H = 400
const M = { left: 64, right: 250, top: 44, bottom: 56 }
const COLORS = ['#1b6ac9', '#d1495b', '#2e933c', '#8a4fff']

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const count = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n))
const value = (v: number) => (v >= 1 ? String(+v.toPrecision(3)) : String(+v.toPrecision(1)))

/** 1-2-5 steps covering [lo, hi]. */
function ticks(lo: number, hi: number): number[] {
  const out: number[] = []
  for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) {
    for (const m of [1, 2, 5])
      if (m * 10 ** p >= lo / 1.01 && m * 10 ** p <= hi * 1.01) out.push(m * 10 ** p)
  }
  return out
}

/**
 * p50 latency of each growth read against stored articles, in multiples of the stage's reference
 * D1 read (so a busier or quieter machine between stages does not show as growth), both axes
 * logarithmic: a line's slope is the exponent of growth; the dashed line is linear growth.
 */
export function growthSvg(stages: GrowthStage[]): string {
  const keys = Object.keys(GROWTH_METRICS) as (keyof typeof GROWTH_METRICS)[]
  const series = keys.flatMap((key) => {
    const points = stages.flatMap((s) => {
      const m = s[key]
      if (!m.ok || m.succeeded === 0) return []
      const unit = referenceP50(s)
      return [{ n: s.articles, p50: Number.isFinite(unit) ? m.p50 / unit : m.p50 }]
    })
    return points.length ? [{ key, points, growth: growthOf(stages, key) }] : []
  })
  if (series.length === 0) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="60"><text x="10" y="30">no growth data</text></svg>\n`
  }
  const counts = stages.map((s) => s.articles)
  const values = series.flatMap((s) => s.points.map((p) => p.p50))
  const [nLo, nHi] = [counts[0]!, counts.at(-1)!]
  const base = Math.min(...series.map((s) => s.points[0]!.p50))
  const linearEnd = (base * nHi) / nLo
  const [vLo, vHi] = [Math.min(...values) / 1.3, Math.max(...values, linearEnd) * 1.3]
  const scale = (v: number, lo: number, hi: number) =>
    (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo) || 1)
  const x = (n: number) => M.left + scale(n, nLo, nHi) * (W - M.left - M.right)
  const y = (v: number) => H - M.bottom - scale(v, vLo, vHi) * (H - M.top - M.bottom)
  const xy = (n: number, v: number) => `${x(n).toFixed(1)},${y(v).toFixed(1)}`
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12" role="img" aria-labelledby="title">`,
    `<title id="title">p50 latency against stored articles, in reference D1 reads, log-log (autocannon, workerd via Miniflare)</title>`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${M.left}" y="24" font-size="14" font-weight="600">p50 latency vs stored articles (log–log, load-adjusted)</text>`,
    ...ticks(vLo, vHi).map(
      (v) =>
        `<line x1="${M.left}" x2="${W - M.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e4e4e4"/>` +
        `<text x="${M.left - 8}" y="${y(v) + 4}" text-anchor="end" fill="#555">${value(v)}</text>`,
    ),
    ...counts.map(
      (n) =>
        `<line x1="${x(n)}" x2="${x(n)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#e4e4e4"/>` +
        `<text x="${x(n)}" y="${H - M.bottom + 18}" text-anchor="middle" fill="#555">${count(n)}</text>`,
    ),
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 14}" text-anchor="middle" fill="#333">stored articles</text>`,
    `<text transform="translate(18 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle" fill="#333">p50 ÷ p50 of one indexed D1 read</text>`,
    `<polyline points="${xy(nLo, base)} ${xy(nHi, linearEnd)}" fill="none" stroke="#999" stroke-dasharray="5 4"/>`,
  ]
  series.forEach(({ key, points, growth }, i) => {
    const color = COLORS[i % COLORS.length]
    out.push(
      `<polyline points="${points.map((p) => xy(p.n, p.p50)).join(' ')}" fill="none" stroke="${color}" stroke-width="2"/>`,
      ...points.map(
        (p) =>
          `<circle cx="${x(p.n).toFixed(1)}" cy="${y(p.p50).toFixed(1)}" r="3.5" fill="${color}"/>`,
      ),
    )
    const [lx, ly] = [W - M.right + 20, M.top + 8 + i * 40]
    const note = !growth
      ? 'one stage only'
      : Number.isFinite(growth.ratio)
        ? `×${growth.ratio.toFixed(2)} from ${count(nLo)} to ${count(nHi)} (N^${growth.slope.toFixed(2)})`
        : `no answer at ${count(nHi)} within the run`
    out.push(
      `<line x1="${lx}" x2="${lx + 18}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2"/>`,
      `<text x="${lx + 24}" y="${ly + 4}">${esc(GROWTH_METRICS[key])}</text>`,
      `<text x="${lx + 24}" y="${ly + 20}" fill="#555">${esc(note)}</text>`,
    )
  })
  const ly = M.top + 8 + series.length * 40
  out.push(
    `<line x1="${W - M.right + 20}" x2="${W - M.right + 38}" y1="${ly}" y2="${ly}" stroke="#999" stroke-dasharray="5 4"/>`,
    `<text x="${W - M.right + 44}" y="${ly + 4}" fill="#555">linear growth (∝ N)</text>`,
    '</svg>',
  )
  return `${out.join('\n')}\n`
}
