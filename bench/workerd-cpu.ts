import { execSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

/**
 * CPU time (user + system) of the workerd processes this Node process started, in µs: what a
 * request costs the runtime itself (the app, and the D1 and KV simulators that run inside it),
 * whatever the load generator or other tenants of the machine take. Linux only (/proc); null
 * elsewhere. Resolution is one clock tick (10 ms), so use it over thousands of requests.
 */
let tickMicros: number | undefined

export function workerdCpuMicros(): number | null {
  try {
    tickMicros ??= 1e6 / Number(execSync('getconf CLK_TCK').toString().trim())
    const tick = tickMicros
    let ticks = 0
    let found = false
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      let stat: string
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      } catch {
        continue // the process ended between the listing and the read
      }
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (name !== 'workerd' || Number(fields[1]) !== process.pid) continue
      ticks += Number(fields[11]) + Number(fields[12])
      found = true
    }
    return found ? ticks * tick : null
  } catch {
    return null
  }
}
