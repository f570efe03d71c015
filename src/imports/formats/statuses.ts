import type { Problem } from '../../model/api'

/**
 * What an export's post status means for an import: published posts are stored; what nobody
 * meant to keep (WordPress's auto-drafts, trash, attachments' `inherit`) is passed over like a
 * page; anything else (drafts, pending, private, scheduled) is not published, and fails alone
 * with that reason, so nothing unpublished goes live.
 */
export function statusVerdict(
  status: string | null,
  published: string,
): 'store' | 'pass' | Problem {
  if (status === null || status === published) return 'store'
  if (PASSED_OVER.has(status)) return 'pass'
  return {
    code: 'not_published',
    message: `The post's status is "${status.slice(0, 40)}": only published posts are imported.`,
  }
}

const PASSED_OVER = new Set(['auto-draft', 'trash', 'inherit'])
