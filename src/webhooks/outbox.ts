import { getArticlesByIds } from '../db/article-read'
import { createDb, type Db } from '../db/client'
import { itemCounts } from '../db/imports'
import type { WebhookEventRow } from '../db/schema'
import {
  articleRef,
  claimEvents,
  enabledEndpoints,
  jobOf,
  markDispatched,
  releaseEvents,
  setPayload,
} from '../db/webhooks'
import type { Bindings } from '../env'
import type { DeliveryMessage } from '../model/webhooks'
import { settingsOf } from '../settings'

/**
 * The outbox's drain: events written by the changes they report (drizzle/0009's triggers) are
 * given their payload, once, and sent to the queue as one message per subscribed endpoint. Run
 * after each write's response and by the cron; an event whose sending fails stays in the outbox
 * and is taken again, so a queue that refuses a message loses nothing (a message may then be
 * sent twice: deliveries are at least once, and receivers dedupe by webhook-id).
 */

const ROUND = 50
const ROUNDS = 4

/** The event's payload, Standard Webhooks' `{type, timestamp, data}`. */
async function payloadOf(db: Db, env: Bindings, event: WebhookEventRow): Promise<string> {
  const origin = settingsOf(env).siteOrigin
  let data: Record<string, unknown> = {}
  if (event.articleId) {
    const [article] =
      event.type === 'article.deleted' ? [] : await getArticlesByIds(db, [event.articleId])
    if (article) {
      const { id, slug, title, headline, kicker, authors, summary, publishedAt, updatedAt } =
        article
      data = {
        id,
        slug,
        url: `${origin}/articles/${slug}`,
        title,
        headline,
        kicker,
        authors,
        summary,
        publishedAt,
        updatedAt,
      }
    } else {
      const ref = await articleRef(db, event.articleId)
      data = {
        id: event.articleId,
        slug: ref?.slug ?? null,
        url: ref ? `${origin}/articles/${ref.slug}` : null,
      }
    }
    data.revision = event.revision
  } else if (event.jobId) {
    const job = await jobOf(db, event.jobId)
    const counts = await itemCounts(db, event.jobId)
    data = {
      id: event.jobId,
      status: job?.status ?? null,
      total: job?.total ?? 0,
      ...counts,
      errorCode: job?.errorCode ?? null,
      finishedAt: job?.finishedAt ?? null,
      url: `${origin}/api/imports/${event.jobId}`,
    }
  }
  return JSON.stringify({ type: event.type, timestamp: event.createdAt, data })
}

/** Sends what the outbox holds; how many events were sent. */
export async function drainOutbox(env: Bindings): Promise<number> {
  if (!env.WEBHOOKS) return 0
  const db = createDb(env.DB)
  let sent = 0
  for (let round = 0; round < ROUNDS; round++) {
    const events = await claimEvents(db, ROUND)
    if (events.length === 0) break
    const endpoints = (await enabledEndpoints(db)).map((e) => ({
      id: e.id,
      events: new Set(JSON.parse(e.events) as string[]),
    }))
    const messages: { body: DeliveryMessage }[] = []
    for (const event of events) {
      if (!event.payload) {
        event.payload = await payloadOf(db, env, event)
        await setPayload(db, event.id, event.payload)
      }
      for (const endpoint of endpoints) {
        if (endpoint.events.has(event.type)) {
          messages.push({ body: { eventId: event.id, endpointId: endpoint.id } })
        }
      }
    }
    const ids = events.map((e) => e.id)
    try {
      for (let i = 0; i < messages.length; i += 100) {
        await env.WEBHOOKS.sendBatch(messages.slice(i, i + 100))
      }
    } catch (error) {
      console.error('webhook queue refused events; they stay in the outbox:', error)
      await releaseEvents(db, ids)
      return sent
    }
    await markDispatched(db, ids)
    sent += events.length
  }
  return sent
}
