import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { Db } from './client'
import { rendered, renderedWithLists } from './rendered'
import {
  articles,
  importJobs,
  webhookAttempts,
  webhookEndpoints,
  webhookEvents,
  type WebhookAttemptRow,
  type WebhookEndpointRow,
  type WebhookEventRow,
} from './schema'

/** Queries of webhooks: endpoints, the outbox (filled by triggers: drizzle/0009), attempts. */

const now = () => new Date().toISOString()

export const insertEndpoint = async (db: Db, row: typeof webhookEndpoints.$inferInsert) =>
  (await db.insert(webhookEndpoints).values(row).returning())[0]!

export const getEndpoint = async (db: Db, id: string): Promise<WebhookEndpointRow | undefined> =>
  (await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).limit(1))[0]

export const listEndpoints = (db: Db) =>
  db.select().from(webhookEndpoints).orderBy(desc(webhookEndpoints.createdAt)).limit(1000)

/** The enabled endpoints, read in a drain's claim (claimEvents). */
const enabled = rendered((db) =>
  db.select().from(webhookEndpoints).where(eq(webhookEndpoints.enabled, true)).limit(1000),
)

export async function updateEndpoint(
  db: Db,
  id: string,
  change: Partial<typeof webhookEndpoints.$inferInsert>,
): Promise<WebhookEndpointRow | undefined> {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ ...change, updatedAt: now() })
    .where(eq(webhookEndpoints.id, id))
    .returning()
  return row
}

/** Deletes an endpoint and its delivery log. */
export async function deleteEndpoint(db: Db, id: string): Promise<boolean> {
  const [gone] = await db.batch([
    db
      .delete(webhookEndpoints)
      .where(eq(webhookEndpoints.id, id))
      .returning({ id: webhookEndpoints.id }),
    db.delete(webhookAttempts).where(eq(webhookAttempts.endpointId, id)),
  ])
  return gone.length > 0
}

/** Disables an endpoint that answered 410 Gone. */
export const disableGone = (db: Db, id: string) =>
  db
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: 'gone', updatedAt: now() })
    .where(eq(webhookEndpoints.id, id))

const claim = rendered((db) => {
  const stale = sql.placeholder('stale')
  const at = sql.placeholder('at')
  const unclaimed = or(isNull(webhookEvents.claimedAt), lt(webhookEvents.claimedAt, stale))
  const pending = db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(and(isNull(webhookEvents.dispatchedAt), unclaimed))
    .orderBy(webhookEvents.createdAt)
    .limit(sql.placeholder('limit'))
  const anyEnabled = db
    .select({ enabled: webhookEndpoints.enabled })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.enabled, true))
  return db
    .update(webhookEvents)
    .set({
      claimedAt: sql`${at}`,
      dispatchedAt: sql`CASE WHEN EXISTS ${anyEnabled} THEN NULL ELSE ${at} END`,
    })
    .where(and(inArray(webhookEvents.id, pending), unclaimed))
    .returning()
})

/**
 * Takes up to `limit` events not yet sent, oldest first, for one drain: an event taken by a drain
 * that died is taken again a minute later. Two drains at once take different events. With the
 * enabled endpoints, read in the same D1 call; when there is none, the events are marked sent as
 * they are taken (no one wants them).
 */
export async function claimEvents(
  db: Db,
  limit: number,
): Promise<{ events: WebhookEventRow[]; endpoints: WebhookEndpointRow[] }> {
  const stale = new Date(Date.now() - 60_000).toISOString()
  const [claimed, endpoints] = await db.batch([
    claim.statement(db, { at: now(), stale, limit }),
    enabled.statement(db),
  ])
  return { events: claim.rowsOf(claimed), endpoints: enabled.rowsOf(endpoints) }
}

export const setPayload = (db: Db, id: string, payload: string) =>
  db
    .update(webhookEvents)
    .set({ payload })
    .where(and(eq(webhookEvents.id, id), isNull(webhookEvents.payload)))

const dispatched = renderedWithLists((db, ids = []) =>
  db
    .update(webhookEvents)
    .set({ dispatchedAt: sql`${sql.placeholder('at')}` })
    .where(inArray(webhookEvents.id, ids)),
)

export const markDispatched = (db: Db, ids: string[]) => dispatched.run(db, [ids], { at: now() })

/** Lets another drain take events whose sending failed (the queue refused them). */
export const releaseEvents = (db: Db, ids: string[]) =>
  db.update(webhookEvents).set({ claimedAt: null }).where(inArray(webhookEvents.id, ids))

export const getEvent = async (db: Db, id: string): Promise<WebhookEventRow | undefined> =>
  (await db.select().from(webhookEvents).where(eq(webhookEvents.id, id)).limit(1))[0]

/** Articles' slugs by id (deleted ones too), for events about them; at most 90 ids. */
export const articleSlugs = (db: Db, ids: string[]) =>
  db
    .select({ id: articles.id, slug: articles.slug })
    .from(articles)
    .where(inArray(articles.id, ids))

export const jobOf = async (db: Db, id: string) =>
  (await db.select().from(importJobs).where(eq(importJobs.id, id)).limit(1))[0]

export const recordAttempt = (db: Db, row: typeof webhookAttempts.$inferInsert) =>
  db.insert(webhookAttempts).values(row)

export const listAttempts = (db: Db, endpointId: string): Promise<WebhookAttemptRow[]> =>
  db
    .select()
    .from(webhookAttempts)
    .where(eq(webhookAttempts.endpointId, endpointId))
    .orderBy(desc(webhookAttempts.at), desc(webhookAttempts.id))
    .limit(100)

/** Whether an event was ever sent to an endpoint: what a redelivery may send again. */
export const wasAttempted = async (db: Db, endpointId: string, eventId: string) =>
  (
    await db
      .select({ n: sql<number>`1` })
      .from(webhookAttempts)
      .where(and(eq(webhookAttempts.endpointId, endpointId), eq(webhookAttempts.eventId, eventId)))
      .limit(1)
  ).length > 0

/** Sent events older than `before`, at most `limit` (an unsent one is kept however old). */
export const pruneEvents = (db: Db, before: string, limit: number) =>
  db
    .delete(webhookEvents)
    .where(
      inArray(
        webhookEvents.id,
        db
          .select({ id: webhookEvents.id })
          .from(webhookEvents)
          .where(lt(webhookEvents.dispatchedAt, before))
          .limit(limit),
      ),
    )
    .returning({ id: webhookEvents.id })

/** One endpoint's delivery attempts older than `before`, at most `limit`. */
export const pruneAttempts = (db: Db, endpointId: string, before: string, limit: number) =>
  db
    .delete(webhookAttempts)
    .where(
      inArray(
        webhookAttempts.id,
        db
          .select({ id: webhookAttempts.id })
          .from(webhookAttempts)
          .where(and(eq(webhookAttempts.endpointId, endpointId), lt(webhookAttempts.at, before)))
          .limit(limit),
      ),
    )
    .returning({ id: webhookAttempts.id })
