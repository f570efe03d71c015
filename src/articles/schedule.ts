import { dueArticles } from '../db/article-state'
import type { Storage } from './storage'
import { publishIfDue } from './write'

/**
 * Articles the cron publishes in its own invocation: each is a write of its own (a few reads and
 * a batch), and the invocation shares D1's per-invocation query limit with the import sweeper
 * and the webhook outbox.
 */
export const PUBLISH_PER_RUN = 25
/** Articles one queue message publishes: a batch of messages stays within the same limit. */
export const PUBLISH_PER_MESSAGE = 8
/** Articles one run hands to the queue beyond its own (a sendBatch holds 100 messages). */
export const HANDED_OFF_PER_RUN = 100 * PUBLISH_PER_MESSAGE

/** Sends slugs to be published elsewhere (the work queue), a message per group. */
export type HandOff = (groups: string[][]) => Promise<void>

/**
 * The cron's publishing pass: every scheduled article whose time has come is published, each
 * exactly once however runs and messages overlap (publishIfDue re-reads it in its writer's turn
 * and does nothing to one already published or no longer scheduled). The longest overdue are
 * published here; more due at once are handed to the queue, whose consumers publish them at the
 * same time. A run that was missed (the worker was down) is caught up by the next: due means
 * "at or before now".
 */
export async function publishDue(
  storage: Storage,
  now = new Date(),
  handOff?: HandOff,
): Promise<{ published: number; handedOff: number; more: boolean }> {
  const limit = PUBLISH_PER_RUN + (handOff ? HANDED_OFF_PER_RUN : 0)
  const due = (await dueArticles(storage.db, now.toISOString(), limit + 1)).map((a) => a.slug)
  const here = due.slice(0, PUBLISH_PER_RUN)
  const rest = due.slice(PUBLISH_PER_RUN, limit)
  if (handOff && rest.length > 0) {
    const groups: string[][] = []
    for (let i = 0; i < rest.length; i += PUBLISH_PER_MESSAGE) {
      groups.push(rest.slice(i, i + PUBLISH_PER_MESSAGE))
    }
    await handOff(groups)
  }
  return {
    published: await publishEach(storage, here, now),
    handedOff: rest.length,
    more: due.length > limit,
  }
}

/** Publishes those of `slugs` that are due at `now`; how many it published. */
export async function publishEach(storage: Storage, slugs: string[], now: Date): Promise<number> {
  let published = 0
  for (const slug of slugs) {
    const result = await publishIfDue(storage, slug, now)
    if (result?.status === 'updated') published++
  }
  return published
}
