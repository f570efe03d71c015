import { readdirSync, readFileSync } from 'node:fs'

/**
 * The peak resident memory (VmHWM) of the workerd processes this Node process started, in
 * bytes, summed: what the runtime has held at most since it started. Linux only; null elsewhere.
 */
export function workerdPeakRss(): number | null {
  let total = 0
  let found = false
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let status: string
    try {
      status = readFileSync(`/proc/${entry}/status`, 'utf8')
    } catch {
      continue // the process ended between the listing and the read
    }
    if (!/^Name:\s+workerd$/m.test(status)) continue
    if (Number(/^PPid:\s+(\d+)$/m.exec(status)?.[1]) !== process.pid) continue
    const kb = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1])
    if (Number.isFinite(kb)) {
      total += kb * 1024
      found = true
    }
  }
  return found ? total : null
}
