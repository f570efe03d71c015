import type { Measured } from './routes'
import type { Target } from './targets'
import type { WriteMeasured } from './write-run'

export type Row = [
  section: string,
  what: string,
  rate: string,
  p50: string,
  p99: string,
  cpu: string,
  ratio: string,
]

const HEADER: Row = ['', 'measurement', 'rate', 'p50', 'p99', 'workerd CPU/response', 'ratio']
export const int = (n: number) => Math.round(n).toLocaleString('en-US')
export const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`
export const us = (n: number) => `${int(n)} µs`
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`
export const mark = (pass: boolean | null) => (pass === null ? '—' : pass ? '✓' : '✗')

export function routeRow(
  section: string,
  what: string,
  m: Measured,
  ratio = '',
  unit = 'req/s',
): Row {
  if (!m.ok) return [section, what, m.reason, '', '', '', '']
  if (m.succeeded === 0)
    return [section, what, `no answer in ${m.seconds.toFixed(0)} s`, '', '', '', ratio]
  const w = m as WriteMeasured
  const rate = w.articlesPerSecond === undefined ? m.rate : w.articlesPerSecond
  const cpu = typeof m.cpuUs === 'number' ? us(m.cpuUs) : ''
  return [section, what, `${int(rate)} ${unit}`, ms(m.p50), ms(m.p99), cpu, ratio]
}

export const times = (value: number, of: number, label: string, target?: string) =>
  Number.isFinite(value / of) ? `${(value / of).toFixed(2)}× ${label}${target ?? ''}` : ''

/** A Markdown table; prettier aligns it for the file and the console alike. */
export const markdownTable = (rows: Row[]) =>
  [HEADER, HEADER.map(() => '---') as unknown as Row, ...rows]
    .map((row) => `| ${row.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`)
    .join('\n')

export const targetLines = (targets: Target[]) =>
  targets.map((t) => `- ${mark(t.pass)} ${t.name}: ${t.measured}`)
