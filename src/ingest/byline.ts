const DASH = /^(?:-{1,3}|[—–―])\s*(?=\p{Lu})/u
// `By` and its kin in other languages (French, German, Spanish and Portuguese, Dutch, Swedish
// and Norwegian, Danish, Polish, Italian), in a byline's own case: `Par Hélène Dupré`.
const BY =
  /^(?:By|BY|Par|PAR|Von|VON|Por|POR|Door|DOOR|Av|AV|Af|AF|Przez|PRZEZ|Di|DI)\s+(?=\p{Lu})/u
const PARTICLE = /^(?:de|da|del|della|der|den|di|du|dos|das|la|le|van|von|al|el|bin|ibn|ben|abu|y)$/
const NAME_WORD =
  /^(?:\p{Lu}[\p{L}\p{M}'’-]*\.?|(?:\p{Lu}\.)+|(?:al|el|ad|ash|as|bin|ibn|abu)-\p{Lu}[\p{L}\p{M}'’-]*)$/u
const SUFFIX = /^(?:Jr|Sr|II|III|IV)\.?$/
const PLACE = /\s+(?:(?:reporting |writing )?from|in)\s+\p{Lu}.*$/su
// Sign-offs that name no person (`Times staff and wire reports`, `Associated Press`): each piece
// is dropped, so such a line is still a byline, with no author.
const ROLE =
  /^(?:(?:los angeles )?times\b.*|special to .+|for the .+|.*\b(?:writers?|correspondents?|reporters?|editors?|staff|(?:wire|news) (?:services?|reports?))|associated press|reuters|bloomberg(?: news)?|afp|agence france-presse)$/i

/**
 * Author names from a byline line (`-- Alex Rodriguez`, `— A and B in Cairo`, `By A, B and C`),
 * or null when the line is not a byline. Places (`in Baghdad`) and roles (`Times staff writer`)
 * are dropped.
 */
export function parseByline(line: string): string[] | null {
  if (line.length > 160) return null
  const dash = DASH.exec(line)
  const by = dash ? null : BY.exec(line)
  const rest = (dash ?? by)?.[0]
  if (rest === undefined) return null
  const parsed = parseNames(line.slice(rest.length).replace(/\s*\([^()]*\)$/, ''))
  if (!parsed) return null
  if (parsed.complete) return parsed.names
  // A dash line that trails off into something else still names its author, if it reads as a
  // sign-off rather than a sentence (`— Hamid Karzai, the president, said …` is a sentence).
  return dash && !/[.?!:"”]$/.test(line) && parsed.names.length > 0 ? parsed.names : null
}

interface ParsedNames {
  names: string[]
  complete: boolean
}

function parseNames(text: string): ParsedNames | null {
  const parts = text
    .replace(/\.$/, (dot, i) => (/\p{Ll}{2}$/u.test(text.slice(0, i)) ? '' : dot))
    .split(/(\s*[,;]\s*(?:and\s+)?|\s+(?:and|und|et|en|och|og)\s+|\s*&\s*)/)
  const names: string[] = []
  let afterPlace = false
  for (let i = 0; i < parts.length; i += 2) {
    const separator = parts[i - 1] ?? ''
    const piece = (parts[i] ?? '').trim()
    if (SUFFIX.test(piece) && names.length > 0) {
      names.push(`${names.pop()}, ${piece}`)
      continue
    }
    // `in Islamabad, Pakistan`: a comma right after a place continues the place.
    if (afterPlace && /^\s*[,;]\s*$/.test(separator) && !PLACE.test(piece)) continue
    if (/^(?:(?:reporting |writing )?from|in)\s/i.test(piece)) {
      afterPlace = true
      continue
    }
    const name = piece.replace(PLACE, '')
    afterPlace = name !== piece
    if (ROLE.test(name)) continue
    if (!isName(name)) return i === 0 ? null : { names, complete: false }
    names.push(name)
  }
  return { names, complete: true }
}

function isName(text: string): boolean {
  const words = text.split(' ')
  if (words.length < 2 || words.length > 5) return false
  const first = words[0] ?? ''
  const last = words[words.length - 1] ?? ''
  if (!/^\p{Lu}/u.test(first) || !NAME_WORD.test(last)) return false
  return words.every((w) => NAME_WORD.test(w) || PARTICLE.test(w))
}
