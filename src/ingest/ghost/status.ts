import type { PublicationRequest } from '../../model/publication'

/**
 * What a Ghost post's `status` asks: `published` is published; `scheduled` is scheduled at its
 * `published_at` (published at once when that has passed, a draft when it has none); `draft`,
 * `sent` (a newsletter sent by email only, never shown on the site) and any other are drafts, so
 * nothing Ghost did not show goes live. No status at all asks nothing: published, as any upload.
 */
export function ghostPublication(
  status: string | null,
  publishedAt: string | null,
): PublicationRequest | null {
  if (status === null) return null
  if (status === 'published') return { status: 'published' }
  if (status === 'scheduled' && publishedAt) {
    return { status: 'scheduled', publishAt: new Date(publishedAt).toISOString() }
  }
  return { status: 'draft' }
}
