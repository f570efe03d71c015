import { isPublic } from '../db/article-read'
import { storedRevision, type StoredRevision } from '../db/article-state'
import { visibleArticle } from '../db/history-read'
import type { Db } from '../db/client'
import type { RevisionContent, RevisionDiff, RevisionMeta } from '../model/revisions'
import { diffRevisions, type RevisionSide } from './diff'

/**
 * The read service for single revisions and diffs. A reader (`unpublished` false) sees only an
 * article that is published now, and only the revisions that were published themselves: a
 * draft's text never leaks through its history. Anything hidden reads as missing.
 */

async function visibleRevision(db: Db, articleId: string, number: number, unpublished: boolean) {
  const stored = await storedRevision(db, articleId, number)
  return stored && (unpublished || isPublic(stored)) ? stored : null
}

const metaOf = (r: StoredRevision): RevisionMeta => ({
  revision: r.number,
  reason: r.reason,
  status: r.status,
  publishAt: r.publishAt,
  createdAt: r.createdAt,
})

const sideOf = (r: StoredRevision): RevisionSide => ({ meta: metaOf(r), article: r.article })

/** One revision with its normalized article, or null. */
export async function readRevision(db: Db, slug: string, number: number, unpublished: boolean) {
  const live = await visibleArticle(db, slug, { unpublished })
  const stored = live && (await visibleRevision(db, live.id, number, unpublished))
  if (!stored) return null
  const { meta, article } = sideOf(stored)
  return { ...meta, fingerprint: stored.fingerprint, article }
}

/**
 * What changed from revision `from` to `to` (default: the current one), with the later
 * revision's article (a page shows its unchanged blocks); null when either is missing or hidden.
 */
export async function readDiff(
  db: Db,
  slug: string,
  from: number,
  to: number | undefined,
  unpublished: boolean,
): Promise<{ diff: RevisionDiff; later: RevisionContent } | null> {
  const live = await visibleArticle(db, slug, { unpublished })
  if (!live) return null
  const [earlier, later] = await Promise.all([
    visibleRevision(db, live.id, from, unpublished),
    visibleRevision(db, live.id, to ?? live.revision, unpublished),
  ])
  if (!earlier || !later) return null
  return { diff: diffRevisions(live.slug, sideOf(earlier), sideOf(later)), later: later.article }
}
