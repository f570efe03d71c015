import type { Outcome } from './api-client'

type Counts = Record<Outcome['status'], number>

export const emptyCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0, failed: 0 })

/** A one-line progress bar on a terminal; a line every 10% elsewhere (CI logs). */
export function progress(total: number, stream: NodeJS.WriteStream = process.stderr) {
  let done = 0
  let lastDecile = -1
  const counts = emptyCounts()
  return {
    tick(outcome: Outcome) {
      done++
      counts[outcome.status]++
      const width = 30
      const filled = total === 0 ? width : Math.round((done / total) * width)
      const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}  created ${counts.created}  updated ${counts.updated}  unchanged ${counts.unchanged}  failed ${counts.failed}`
      if (stream.isTTY) {
        stream.write(`\r${line}`)
        if (done === total) stream.write('\n')
      } else {
        const decile = Math.floor((done / total) * 10)
        if (decile !== lastDecile) {
          lastDecile = decile
          stream.write(`${line}\n`)
        }
      }
    },
  }
}

/** The closing table: counts per outcome, then every failure with its reason. */
export function summaryTable(outcomes: Outcome[]): string {
  const counts = emptyCounts()
  for (const o of outcomes) counts[o.status]++
  const rows = Object.entries(counts).map(
    ([status, n]) => `  ${status.padEnd(10)} ${String(n).padStart(7)}`,
  )
  const lines = [
    '',
    '  outcome      files',
    '  ---------- -------',
    ...rows,
    `  ${'total'.padEnd(10)} ${String(outcomes.length).padStart(7)}`,
  ]
  const failures = outcomes.filter((o) => o.status === 'failed')
  if (failures.length > 0) {
    lines.push('', '  failed files:')
    for (const f of failures) if (f.status === 'failed') lines.push(`  ${f.file}: ${f.error}`)
  }
  return lines.join('\n')
}
