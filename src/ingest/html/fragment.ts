import { readBody, type Body } from './blocks'
import { measure } from './text'
import { parsePage } from './tree'

export type { Body } from './blocks'

/**
 * An HTML fragment that is all article (a CMS's stored body: WordPress content, Ghost html) as
 * typed blocks, captions and in-body links, by the rules pages are read with, nothing pruned as
 * page chrome. `base` resolves relative links. Throws IngestError (too_large) past the bounds.
 */
export function readFragment(html: string, base: string | null): Body {
  const page = parsePage(html)
  measure(page.root)
  return readBody([page.root], 'none', base)
}
