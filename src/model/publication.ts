/**
 * What an upload asks of an article's status, and what the article then is. Pure: the write
 * service resolves a request against the stored article at the moment it writes.
 */
import { ARTICLE_STATUSES, type ArticleStatus, type Publication } from './article'

/** A status, a publish time, or both, as an upload named them; absent fields keep what is stored. */
export interface PublicationRequest {
  status?: ArticleStatus
  /** ISO 8601, normalized to UTC (`2026-12-24T08:00:00.000Z`). */
  publishAt?: string
}

export const PUBLISHED: Publication = { status: 'published', publishAt: null }

/** Why a request is refused: a code and a message for the client's 4xx. */
export class PublicationError extends Error {
  constructor(
    readonly code: 'invalid_status' | 'invalid_publish_at',
    message: string,
  ) {
    super(message)
  }
}

const isStatus = (value: string): value is ArticleStatus =>
  (ARTICLE_STATUSES as readonly string[]).includes(value)

/**
 * A status and a publish time as sent (a JSON field, a query parameter, front matter), checked:
 * null when neither was sent. `publishAt` alone schedules. Throws PublicationError.
 */
export function publicationRequest(status: unknown, publishAt: unknown): PublicationRequest | null {
  const request: PublicationRequest = {}
  if (status !== undefined && status !== null && status !== '') {
    const name = typeof status === 'string' ? status.trim().toLowerCase() : ''
    if (!isStatus(name)) {
      throw new PublicationError(
        'invalid_status',
        `status must be one of ${ARTICLE_STATUSES.map((s) => `"${s}"`).join(', ')}`,
      )
    }
    request.status = name
  }
  if (publishAt !== undefined && publishAt !== null && publishAt !== '') {
    const time = typeof publishAt === 'string' ? Date.parse(publishAt.trim()) : NaN
    if (!Number.isFinite(time) || !/^\d{4}-\d{2}-\d{2}/.test(String(publishAt).trim())) {
      throw new PublicationError(
        'invalid_publish_at',
        'publishAt must be an ISO 8601 date-time, such as 2026-12-24T08:00:00Z',
      )
    }
    request.publishAt = new Date(time).toISOString()
  }
  if (request.status === 'scheduled' && !request.publishAt) {
    throw new PublicationError('invalid_status', 'status "scheduled" needs a publishAt')
  }
  return request.status || request.publishAt ? request : null
}

/**
 * The article's publication after a write: what was asked, else what is stored, else published
 * (an upload is live unless it says otherwise). A schedule whose time has come is published at
 * once; a publish time sent with `draft` or `published` means nothing and is dropped.
 */
export function resolvePublication(
  request: PublicationRequest | null,
  current: Publication | null,
  now: Date,
): Publication {
  if (!request) return current ?? PUBLISHED
  const status = request.status ?? 'scheduled'
  if (status !== 'scheduled') return { status, publishAt: null }
  const publishAt = request.publishAt!
  return Date.parse(publishAt) <= now.getTime() ? PUBLISHED : { status, publishAt }
}

export const samePublication = (a: Publication, b: Publication) =>
  a.status === b.status && a.publishAt === b.publishAt
