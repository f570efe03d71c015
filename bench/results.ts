import type { CpuMeasured } from './cpu'
import type { ExtractionCpu } from './extraction-cpu'
import type { GrowthStage } from './growth'
import type { ImportMeasured } from './import-path'
import type { Machine } from './machine'
import type { BenchOptions } from './options'
import type { ReadPath } from './read-path'
import type { Measured } from './routes'
import type { WritePath } from './write-path'

/** Everything one run measured: what `bench/results.json` holds. */
export interface Results {
  mode: 'full' | 'smoke'
  date: string
  machine: Machine
  /** 1-minute load average before and after: other work on the machine skews every number. */
  loadAverage: { before: number; after: number }
  options: BenchOptions
  cpu: CpuMeasured[]
  /** The HTML normalizer on the extraction dev set's real pages, CPU per page. */
  extraction: ExtractionCpu
  write: WritePath
  imports: ImportMeasured[]
  read: ReadPath
  growth: GrowthStage[]
  seconds: number
}

/** Requests per second of `/healthz`: the mean of the read section's first and last run. */
/** The first `/healthz` run alone: it ran in turns with the cached page, which is compared to it. */
export const pairedHealthz = (read: ReadPath) => ({
  rate: read.healthz.ok ? read.healthz.rate : NaN,
  cpu: read.healthz.ok && typeof read.healthz.cpuUs === 'number' ? read.healthz.cpuUs : NaN,
})

export function healthzRate(read: ReadPath): number {
  const rates = [read.healthz, read.healthzAfter].flatMap((m) => (m.ok ? [m.rate] : []))
  return rates.reduce((a, b) => a + b, 0) / rates.length
}

/** workerd CPU µs per `/healthz` response: the mean of the read section's two runs. */
export function healthzCpu(read: ReadPath): number {
  const cpu = [read.healthz, read.healthzAfter].flatMap((m) =>
    m.ok && typeof m.cpuUs === 'number' ? [m.cpuUs] : [],
  )
  return cpu.length ? cpu.reduce((a, b) => a + b, 0) / cpu.length : NaN
}

/** Every measured route with a name, for checks across the whole run. */
export function allMeasured(r: Results): [string, Measured][] {
  return [
    ...Object.entries(r.read).flatMap(([k, v]) =>
      typeof v === 'object' ? [[`read ${k}`, v] as [string, Measured]] : [],
    ),
    ...Object.entries(r.write).flatMap(([k, v]) =>
      typeof v === 'object' ? [[`write ${k}`, v] as [string, Measured]] : [],
    ),
    ...r.growth.flatMap((s) =>
      (['cachedPage', 'uncachedPage', 'listing', 'search', 'searchCjk'] as const).map(
        (k) => [`growth ${s.articles} ${k}`, s[k]] as [string, Measured],
      ),
    ),
  ]
}
