import type { PublicationRequest } from '../../model/publication'

/**
 * WordPress's statuses for posts nobody meant to keep: an auto-draft (the empty post the editor
 * makes when it opens), the trash, and `inherit` (revisions and attachments). An import passes
 * over these as it does pages.
 */
export const DISCARDED_STATUSES: ReadonlySet<string> = new Set(['auto-draft', 'trash', 'inherit'])

/**
 * What a post's `<wp:status>` asks: `publish` is published; `future` is scheduled at the post's
 * date (published at once when that has passed, a draft when it has none); every other status
 * (`draft`, `pending`, `private`, a plugin's own) is a draft, so nothing WordPress did not show
 * goes live. No status at all asks nothing: published, as any upload.
 */
export function wxrPublication(
  status: string | null,
  date: string | null,
): PublicationRequest | null {
  if (status === null) return null
  if (status === 'publish') return { status: 'published' }
  if (status === 'future' && date) {
    return { status: 'scheduled', publishAt: new Date(date).toISOString() }
  }
  return { status: 'draft' }
}
