/** The worker's cron schedule (wrangler.toml [triggers] crons). */
export const SCHEDULE = '* * * * *'

/**
 * wrangler dev runs no cron triggers by itself; it answers this path (on the local runtime
 * only) by calling the worker's scheduled handler, as Cloudflare does on the schedule.
 */
export const scheduledUrl = (origin: string, cron = SCHEDULE) =>
  `${origin}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(cron)}`

/**
 * Fires the scheduled handler every `everyMs` until stopped, one run at a time. A run that
 * fails (the service restarting, say) is reported once and tried again at the next tick.
 */
export function runCron(
  origin: () => string,
  everyMs: number,
  report: (message: string) => void = () => undefined,
): { stop(): void } {
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  let failing = false
  const tick = async () => {
    try {
      const res = await fetch(scheduledUrl(origin()), { signal: AbortSignal.timeout(30_000) })
      await res.arrayBuffer()
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      failing = false
    } catch (error) {
      if (!failing) report(`cron: the scheduled handler did not run (${(error as Error).message})`)
      failing = true
    }
    if (!stopped) timer = setTimeout(tick, everyMs)
  }
  timer = setTimeout(tick, everyMs)
  return {
    stop() {
      stopped = true
      clearTimeout(timer)
    },
  }
}
