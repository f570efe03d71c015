import { DISCARDED_STATUSES } from '../../ingest/wxr'

/**
 * Whether an export's post is passed over for its status, as a page is. Posts of every other
 * status are stored, each with the status its own says (the parsers' status.ts): a draft stays a
 * draft and a scheduled post waits for its time, so nothing unpublished goes live. Only what
 * nobody meant to keep is passed over: WordPress's auto-drafts, trash and `inherit` (Ghost has no
 * such status).
 */
export const passedOver = (status: string | null): boolean =>
  status !== null && DISCARDED_STATUSES.has(status)
