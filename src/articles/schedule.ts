import { dueArticles } from '../db/article-state'
import type { Storage } from './storage'
import { publishIfDue } from './write'

/**
 * Articles one run publishes at most: each is a write of its own (a few reads and a batch), and
 * a cron invocation has D1's per-invocation query limit to share with the import sweeper and the
 * webhook outbox. More due than that go out in the next runs, the longest overdue first.
 */
export const PUBLISH_PER_RUN = 25

/**
 * The cron's publishing pass: every scheduled article whose time has come is published, each
 * exactly once however runs overlap (publishIfDue re-reads it in its writer's turn). A run that
 * was missed (the worker was down) is caught up by the next: due means "at or before now".
 */
export async function publishDue(
  storage: Storage,
  now = new Date(),
): Promise<{ published: number; more: boolean }> {
  const due = await dueArticles(storage.db, now.toISOString(), PUBLISH_PER_RUN + 1)
  let published = 0
  for (const { slug } of due.slice(0, PUBLISH_PER_RUN)) {
    const result = await publishIfDue(storage, slug, now)
    if (result?.status === 'updated') published++
  }
  return { published, more: due.length > PUBLISH_PER_RUN }
}
