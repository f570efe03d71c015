const BLOCKS =
  'address|article|aside|blockquote|details|div|dl|dd|dt|fieldset|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul|script|style|iframe'
const OPENING = new RegExp(`<(?:${BLOCKS})[\\s/>]`, 'gi')
const CLOSING = new RegExp(`</(?:${BLOCKS})>`, 'gi')
const STARTS_WITH_BLOCK = new RegExp(`^</?(?:${BLOCKS})[\\s/>]`, 'i')

/**
 * A classic-editor body (paragraphs as blank lines, the way WordPress stores them) with its
 * paragraphs marked up, as WordPress's wpautop does before showing it: block-level tags stand
 * apart, each run of text between blank lines not inside a block tag becomes a `<p>`, and a
 * single newline inside one a space (wpautop makes it a `<br />`; a stored block joins its lines).
 */
export function autop(content: string): string {
  const spaced = content
    .replace(/\r\n?/g, '\n')
    .replace(OPENING, '\n\n$&')
    .replace(CLOSING, '$&\n\n')
  return spaced
    .split(/\n[ \t]*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => (STARTS_WITH_BLOCK.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, ' ')}</p>`))
    .join('\n\n')
}
