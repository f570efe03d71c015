const LABEL_WORDS =
  '(?:related(?: (?:posts?|stories|articles|coverage|links|content|reading|headlines))?|also|see also|also see|more|read more|more coverage|full coverage|previously|earlier|more on this story|more from [^:]{1,40})'
const LABEL_ONLY = new RegExp(`^${LABEL_WORDS}\\s*:?$`, 'i')
const LABEL_INLINE = new RegExp(`^${LABEL_WORDS}\\s*:\\s*(?=\\S)`, 'i')

/**
 * A `RELATED` / `Related:` / `ALSO:` label line: `{ headline: null }`, or the headline that
 * shares its line (`Related: Taliban offshoot blamed …`). Null when the line is no label.
 */
export function parseLabel(text: string): { headline: string | null } | null {
  if (LABEL_ONLY.test(text)) {
    return text.endsWith(':') || !/\p{Ll}/u.test(text) || /^related/i.test(text)
      ? { headline: null }
      : null
  }
  const inline = LABEL_INLINE.exec(text)
  const rest = inline ? text.slice(inline[0].length) : ''
  return inline && headlineKind(rest, 1) ? { headline: rest } : null
}

const PROMO = /^(?:Follow|Like us|Click|Sign up|Subscribe|Join us)\b/i

/**
 * Whether a line reads as the headline of another post rather than a paragraph: short, one line,
 * capitalized, and without the closing punctuation a sentence has. `strict` when it ends in a
 * word (`… often gets lost`); `loose` when it ends in `?` or `!`, as some headlines and some
 * sentences do.
 */
export function headlineKind(text: string, minWords = 3): 'strict' | 'loose' | null {
  if (text.length > 200 || !/^[\p{Lu}\p{N}'‘"“¿¡]/u.test(text)) return null
  if (/https?:|www\.|@/.test(text) || PROMO.test(text)) return null
  const words = text.split(' ').length
  if (words < minWords || words > 25) return null
  const unquoted = text.replace(/["”’']+$/, '')
  const last = unquoted.at(-1) ?? ''
  if (unquoted !== text && !/[\p{L}\p{N}]/u.test(last)) return null
  if (/[.,;:…)\]—–-]/.test(last)) return null
  return /[?!]/.test(last) ? 'loose' : 'strict'
}
