const AGENCY =
  'AP|AFP|EPA|Reuters|Getty Images|Associated Press|Los Angeles Times|European Pressphoto Agency|Bloomberg|Agence France-Presse|Xinhua|Corbis'

/** Tested against the whole block. */
const ANYWHERE = [
  // `Photo: …`, `Top photo: …`, `Video: …`, `Pictured: …`, `Photo credit: …`, `Above: …`
  /^(?:(?:top|bottom|upper|lower|above|below|left|right|inset|main|lead|first|second)\s+)?(?:photo(?:graph)?s?|images?|pictures?|video|caption|graphic|map|pictured|credits?)(?:\s+credit)?\s*:/i,
  /^(?:above|below|top|bottom|left|right)\s*:/i,
  /^(?:photo(?:graph)?s?|images?|video) (?:by|courtesy)\b/i,
  /\bCredits?:\s*\S/,
  new RegExp(`^\\(?(?:${AGENCY})\\)?$`),
  /^(?:(?:Photo|Image)\s+)?[Cc]ourtesy(?:\s+of)?\s+\p{L}[^.!?,;]{0,60}\.?$/u,
]

/** Tested against the block's last characters only, so a long paragraph costs no more. */
const AT_END = [
  // `(AP Photo/Name)`, `(Reuters)`, `(Name / Getty Images)`
  new RegExp(`\\((?:${AGENCY})\\b[^()]{0,80}\\)$`),
  new RegExp(`\\([^()]{0,60}/\\s*(?:${AGENCY})[^()]{0,40}\\)$`),
  // `… in 2007. Courtesy of Abrams`
  /[.!?)”"]\s+(?:(?:Photo|Image)\s+)?Courtesy(?:\s+of)?\s+\p{L}[^.!?,;]{0,60}\.?$/u,
]

const AGENCY_ONLY = new RegExp(`^\\s?(?:${AGENCY})\\.?$`)

/** Photo captions and credits: kept apart from the body, never dropped. */
export function isCaption(text: string): boolean {
  if (text.length > 1200) return false
  const tail = text.slice(-240)
  return (
    ANYWHERE.some((re) => re.test(text)) ||
    AT_END.some((re) => re.test(tail)) ||
    endsWithAgencyCredit(tail)
  )
}

/** `… Jae C. Hong / Associated Press`: a capitalized name, a slash, an agency, nothing after. */
function endsWithAgencyCredit(tail: string): boolean {
  const slash = tail.lastIndexOf('/')
  if (slash < 1 || !AGENCY_ONLY.test(tail.slice(slash + 1))) return false
  return /(?:^|\s)\p{Lu}[\p{L}.'’-]*\s?$/u.test(tail.slice(Math.max(0, slash - 40), slash))
}
