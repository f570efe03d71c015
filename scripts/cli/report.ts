import type { Outcome } from './api-client'

type Counts = Record<Outcome['status'], number>

export const emptyCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0, failed: 0 })

export interface Output {
  isTTY?: boolean
  write(text: string): unknown
}

export const bar = (fraction: number, width = 30) => {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width)
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`
}

export const countsLine = (c: Counts) =>
  `created ${c.created}  updated ${c.updated}  unchanged ${c.unchanged}  failed ${c.failed}`

/**
 * One status line: redrawn in place on a terminal; elsewhere (CI logs) written only when its
 * stage (a key such as the decile reached) changes, and once more at the end if it moved on.
 */
export function statusLine(stream: Output) {
  let lastStage: string | null = null
  let last = ''
  let written = ''
  return {
    draw(line: string, stage: string) {
      if (stream.isTTY && line === last) return
      last = line
      if (stream.isTTY) {
        stream.write(`\r${line}\x1b[K`)
      } else if (stage !== lastStage) {
        lastStage = stage
        written = line
        stream.write(`${line}\n`)
      }
    },
    end() {
      if (stream.isTTY) stream.write('\n')
      else if (last !== written) stream.write(`${last}\n`)
    },
  }
}

/** A progress bar over files: a line every 10% off a terminal. */
export function progress(total: number, stream: Output = process.stderr) {
  let done = 0
  const counts = emptyCounts()
  const line = statusLine(stream)
  return {
    tick(outcome: Outcome) {
      done++
      counts[outcome.status]++
      const fraction = total === 0 ? 1 : done / total
      line.draw(
        `${bar(fraction)} ${done}/${total}  ${countsLine(counts)}`,
        String(Math.floor(fraction * 10)),
      )
      if (done === total) line.end()
    },
  }
}

/** Counts as a two-column table, with a total row. */
export function countsTable(unit: string, counts: Record<string, number>, total: number): string[] {
  const row = (label: string, n: number) => `  ${label.padEnd(10)} ${String(n).padStart(7)}`
  return [
    `  outcome    ${unit.padStart(7)}`,
    '  ---------- -------',
    ...Object.entries(counts).map(([status, n]) => row(status, n)),
    row('total', total),
  ]
}

/** The closing table: counts per outcome, then every failure with its reason. */
export function summaryTable(outcomes: Outcome[]): string {
  const counts = emptyCounts()
  for (const o of outcomes) counts[o.status]++
  const lines = ['', ...countsTable('files', counts, outcomes.length)]
  const failures = outcomes.filter((o) => o.status === 'failed')
  if (failures.length > 0) {
    lines.push('', '  failed files:')
    for (const f of failures) if (f.status === 'failed') lines.push(`  ${f.file}: ${f.error}`)
  }
  return lines.join('\n')
}
