import type { PublicationRequest } from '../../model/publication'
import { IngestError } from '../errors'
import { requestedPublication } from '../publication'

const own = (data: Record<string, unknown>, key: string) =>
  Object.hasOwn(data, key) ? data[key] : undefined

/**
 * What the front matter asks of the article's status: `status`, `publishAt` (or `publish_at`),
 * and the `draft: true` of Hugo, Jekyll and Astro. `draft: false` asks nothing, so such a file
 * is published as any upload is. Throws IngestError 422 `invalid_status`, `invalid_publish_at`.
 */
export function readPublication(data: Record<string, unknown>): PublicationRequest | null {
  const draft = own(data, 'draft') ?? null
  if (draft !== null && typeof draft !== 'boolean') {
    throw new IngestError(422, 'invalid_status', 'front matter draft: expected true or false')
  }
  const publishAt = own(data, 'publishAt') ?? own(data, 'publish_at')
  const request = requestedPublication(own(data, 'status'), instant(publishAt), 'front matter ')
  if (!draft) return request
  // Publishing a file its author marked as a draft is the mistake that cannot be taken back.
  if (request?.status && request.status !== 'draft') {
    throw new IngestError(
      422,
      'invalid_status',
      `front matter draft: true contradicts status "${request.status}"`,
    )
  }
  return { ...request, status: 'draft' }
}

// Jekyll's `2026-12-24 08:00:00 -0700`; workerd's Date.parse is unsure of a zone without a colon.
const JEKYLL = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*([+-]\d{2}):?(\d{2})$/

/** A date-time as written, or YAML's Date (`!!timestamp`, YAML 1.1), as ISO 8601 text. */
function instant(value: unknown): unknown {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString()
  if (typeof value !== 'string') return value
  const m = JEKYLL.exec(value.trim())
  return m ? `${m[1]}T${m[2]}${m[3]}:${m[4]}` : value
}
