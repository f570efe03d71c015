import { getArticlesByIds } from '../db/article-read'
import { runBatch } from '../db/batch'
import { createDb, type Db } from '../db/client'
import { itemCounts } from '../db/imports'
import type { WebhookEventRow } from '../db/schema'
import {
  articleSlugs,
  claimEvents,
  jobOf,
  markDispatched,
  releaseEvents,
  setPayload,
} from '../db/webhooks'
import type { Bindings } from '../env'
import type { DeliveryMessage } from '../model/webhooks'
import { settingsOf } from '../settings'

/**
 * The outbox's drain: events written by the changes they report (drizzle/0009's and 0010's
 * triggers) are given their payload, once, and sent to the queue as one message per subscribed
 * endpoint. Run
 * after each write's response and by the cron; an event whose sending fails stays in the outbox
 * and is taken again, so a queue that refuses a message loses nothing (a message may then be
 * sent twice: deliveries are at least once, and receivers dedupe by webhook-id).
 */

const ROUND = 50
const ROUNDS = 4

/**
 * Gives events their payload, Standard Webhooks' `{type, timestamp, data}`, in a few reads for
 * any number of events (an import's drain runs in the invocation that stored its chunks, within
 * D1's per-invocation query limit): live articles' summaries by id, 90 a read, and the slugs of
 * the others (deleted since) the same way.
 */
async function givePayloads(db: Db, env: Bindings, events: WebhookEventRow[]): Promise<void> {
  const origin = settingsOf(env).siteOrigin
  const url = (slug: string) => `${origin}/articles/${slug}`
  const articleIds = [...new Set(events.flatMap((e) => (e.articleId ? [e.articleId] : [])))]
  const live = new Map((await getArticlesByIds(db, articleIds)).map((a) => [a.id, a] as const))
  const others = articleIds.filter((id) => !live.has(id))
  const slugs = new Map<string, string>()
  for (let i = 0; i < others.length; i += 90) {
    for (const row of await articleSlugs(db, others.slice(i, i + 90))) slugs.set(row.id, row.slug)
  }
  for (const event of events) {
    let data: Record<string, unknown> = {}
    const article =
      event.articleId && event.type !== 'article.deleted' ? live.get(event.articleId) : undefined
    if (article) {
      const { id, slug, title, headline, kicker, authors, summary, publishedAt, updatedAt } =
        article
      data = {
        id,
        slug,
        url: url(slug),
        status: article.status,
        publishAt: article.publishAt,
        title,
        headline,
        kicker,
        authors,
        summary,
        publishedAt,
        updatedAt,
      }
      data.revision = event.revision
    } else if (event.articleId) {
      const slug = live.get(event.articleId)?.slug ?? slugs.get(event.articleId) ?? null
      data = { id: event.articleId, slug, url: slug && url(slug), revision: event.revision }
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
    event.payload = JSON.stringify({ type: event.type, timestamp: event.createdAt, data })
  }
}

/** Sends what the outbox holds; how many events were sent. */
export async function drainOutbox(env: Bindings): Promise<number> {
  if (!env.WEBHOOKS) return 0
  const db = createDb(env.DB)
  let sent = 0
  for (let round = 0; round < ROUNDS; round++) {
    const claimed = await claimEvents(db, ROUND)
    const events = claimed.events
    if (events.length === 0) break
    const endpoints = claimed.endpoints.map((e) => ({
      id: e.id,
      events: new Set(JSON.parse(e.events) as string[]),
    }))
    // Events no endpoint wants are only marked sent: they cost no read.
    const wanted = events.filter((e) => endpoints.some((endpoint) => endpoint.events.has(e.type)))
    const unpaid = wanted.filter((e) => !e.payload)
    if (unpaid.length > 0) {
      await givePayloads(db, env, unpaid)
      await runBatch(
        db,
        unpaid.map((e) => setPayload(db, e.id, e.payload!)),
      )
    }
    const messages: { body: DeliveryMessage }[] = []
    for (const event of wanted) {
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
    // With no endpoint, claiming them marked them sent.
    if (endpoints.length > 0) await markDispatched(db, ids)
    sent += events.length
    // A round that found fewer than it could take emptied the outbox.
    if (events.length < ROUND) break
  }
  return sent
}
