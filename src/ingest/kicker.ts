// An ALL-CAPS label before the first colon: `PAKISTAN:`, `U.N.:`, `SOUTH AFRICA:`, `Q&A:`.
const KICKER = /^(\p{Lu}[\p{Lu}\p{M}\p{N} .,&'’/-]{0,39}):\s+(?=\S)/u

export interface TitleParts {
  kicker: string | null
  headline: string
}

/** Splits `PAKISTAN: Islamabad won’t …` into its kicker and headline. */
export function splitTitle(title: string): TitleParts {
  const match = KICKER.exec(title)
  const label = match?.[1]?.trim()
  if (!match || !label || (label.match(/\p{Lu}/gu)?.length ?? 0) < 2) {
    return { kicker: null, headline: title }
  }
  return { kicker: label, headline: title.slice(match[0].length) }
}

/**
 * With a kicker given explicitly, the headline is the title without a leading `KICKER: ` (or
 * `KICKER : `, which splitTitle also reads as a kicker).
 */
export function headlineFor(title: string, kicker: string): string {
  if (!title.startsWith(kicker)) return title
  const rest = /^\s*:\s*(?=\S)/.exec(title.slice(kicker.length))
  return rest ? title.slice(kicker.length + rest[0].length) : title
}
