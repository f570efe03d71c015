import { allMeasured, type Results } from './results'
import type { Measured } from './routes'

/**
 * What the run says about itself: failures (any 5xx: the exit status turns non-zero) and notes
 * (other error statuses, timeouts, used-up request pools, cache headers other than expected).
 */
export function reviewRun(r: Results): { failures: string[]; notes: string[] } {
  const failures: string[] = []
  const notes: string[] = []
  for (const [name, m] of allMeasured(r)) {
    if (!m.ok) continue
    if (m.serverErrors > 0) failures.push(`${name}: ${m.serverErrors} responses with status 5xx`)
    const odd = Object.keys(m.statuses).filter((s) => !/^[23]/.test(s))
    if (odd.length)
      notes.push(`${name} answered ${odd.map((s) => `${m.statuses[s]}× ${s}`).join(', ')}`)
    if (m.errors) notes.push(`${name}: ${m.errors} connection errors or timeouts`)
    if ('exhausted' in m && m.exhausted) notes.push(`${name} used up its pool of distinct requests`)
  }
  for (const i of r.imports) {
    if (!i.ok) failures.push(`import of ${i.articles} articles: ${i.reason}`)
    else if (i.failed) notes.push(`import of ${i.articles} articles: ${i.failed} items failed`)
  }
  const expect = (name: string, m: Measured, value: string) => {
    const total = m.ok ? Object.values(m.tallied).reduce((a, b) => a + b, 0) : 0
    const share = m.ok && total ? (m.tallied[value] ?? 0) / total : 1
    if (share < 1) notes.push(`${name}: only ${(share * 100).toFixed(1)}% X-Cache ${value}`)
  }
  expect('cached page', r.read.cachedPage, 'HIT')
  expect('index', r.read.index, 'HIT')
  expect('uncached page', r.read.uncachedPage, 'MISS')
  for (const stage of r.growth) {
    expect(`cached page @ ${stage.articles}`, stage.cachedPage, 'HIT')
    expect(`uncached page @ ${stage.articles}`, stage.uncachedPage, 'MISS')
  }
  return { failures, notes }
}
