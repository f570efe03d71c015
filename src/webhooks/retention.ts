import { createDb } from '../db/client'
import { listEndpoints, pruneAttempts, pruneEvents } from '../db/webhooks'
import type { Bindings } from '../env'
import { settingsOf } from '../settings'

/** Rows one statement deletes: a cron run's share, so a backlog goes over a few runs. */
const PRUNE_BATCH = 500
/** Endpoints whose logs one run prunes: the cron shares D1's per-invocation query limit. */
const ENDPOINTS_PER_RUN = 50

/**
 * The cron's retention pass: sent events and delivery attempts older than WEBHOOK_RETENTION_DAYS
 * are deleted (an unsent event is kept whatever its age), so the log does not grow without end.
 */
export async function pruneWebhookLog(
  env: Bindings,
  now = Date.now(),
): Promise<{ events: number; attempts: number }> {
  const db = createDb(env.DB)
  const days = settingsOf(env).webhookRetentionDays
  const before = new Date(now - days * 86_400_000).toISOString()
  const events = (await pruneEvents(db, before, PRUNE_BATCH)).length
  let attempts = 0
  // Each endpoint's old attempts on its own index; with more endpoints than one run takes, a
  // different share each run (by the minute) reaches them all.
  const endpoints = await listEndpoints(db)
  const start = (Math.floor(now / 60_000) * ENDPOINTS_PER_RUN) % Math.max(1, endpoints.length)
  const share = [...endpoints.slice(start), ...endpoints.slice(0, start)].slice(
    0,
    ENDPOINTS_PER_RUN,
  )
  for (const endpoint of share) {
    attempts += (await pruneAttempts(db, endpoint.id, before, PRUNE_BATCH)).length
  }
  return { events, attempts }
}
