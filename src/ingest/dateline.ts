// `ISLAMABAD, PAKISTAN`, `ST. LOUIS`, `WINSTON-SALEM, N.C.`, `SAN JOSE, Calif.`; optional `(AP)`.
const WORD = String.raw`[\p{Lu}\p{M}.'’]+(?:-[\p{Lu}\p{M}.'’]+)*`
const CAPS_PLACE = String.raw`((?=\p{Lu})${WORD}(?:,?\s+${WORD}){0,5}(?:,\s*\p{Lu}[\p{Ll}.]{1,12})?)`
const AGENCY = String.raw`(?:\s*\(\p{Lu}[\p{L} -]{0,30}\))?`
const SEPARATOR = String.raw`(?:\s*(?:--|—|–)\s*|\s+-\s+)`
const CAPS = new RegExp(`^(?:REPORTING FROM\\s+)?${CAPS_PLACE}${AGENCY}${SEPARATOR}(?=\\S)`, 'u')
// `Reporting from Islamabad, Pakistan —`: the web edition's mixed-case form.
const REPORTING = new RegExp(
  String.raw`^[Rr]eporting from\s+(\p{Lu}[\p{L}\p{M}.'’ ,-]{1,60}?)${SEPARATOR}(?=\S)`,
  'u',
)

export interface DatelineSplit {
  dateline: string | null
  text: string
}

/** Takes the place that opens a first paragraph, with its `--`/`—` separator, off the text. */
export function splitDateline(paragraph: string): DatelineSplit {
  const head = paragraph.slice(0, 120)
  const match = CAPS.exec(head) ?? REPORTING.exec(head)
  const place = match?.[1]?.replace(/[\s,]+$/, '')
  if (!match || !place || (place.match(/\p{L}/gu)?.length ?? 0) < 2) {
    return { dateline: null, text: paragraph }
  }
  return { dateline: place, text: paragraph.slice(match[0].length) }
}
