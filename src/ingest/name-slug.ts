import { MAX_NAME_SEGMENT, NAME_SEGMENT_PATTERN } from '../model/slug'
import { foldLatin, truncate, withHash } from './slug'

/**
 * Slugs of names (authors, tags) keep letters and digits of every script, as WordPress and Ghost
 * do, so `東京` is `/tags/東京` (percent-encoded on the wire). Latin letters fold to ASCII exactly as
 * slugify folds them, so a name with no letter or digit of another script keeps the slug it had:
 *
 *   Hélène Dupré → helene-dupre        Дмитрий Медведев → дмитрий-медведев
 *   Tokyo 東京 → tokyo-東京              iPhone発売 → iphone発売 (no separator, no dash)
 *   Αθήνα, ΑΘΗΝΑ → αθηνα               مُحَمَّد, محمد → محمد          हिन्दी → हिन्दी (marks kept)
 *
 * Runs of other scripts are NFKC-normalized and lowercased (String#toLowerCase: no locale). Greek
 * loses its accents, Arabic and Hebrew their optional vowel marks (capitals and most printed text
 * go without them); every other script keeps its combining marks, which are part of its letters
 * (Devanagari, Thai). The Arabic tatweel is decoration and goes. At most MAX_LENGTH code points
 * (≤ 320 bytes of UTF-8); a name with nothing to keep (`🎉`) is `fallback-<hash>`, as before.
 */
export function nameSlug(name: string, fallback: string): string {
  return slugOf(name) || withHash(fallback, name.trim())
}

/**
 * The slug a path segment names, decoded: itself when it is a slug nameSlug makes, the same
 * slug when it differs only by form (case, Unicode normalization, accents), else null.
 */
export function canonicalSlug(segment: string): string | null {
  if (segment.length > MAX_NAME_SEGMENT || !NAME_SEGMENT_PATTERN.test(segment)) return null
  return slugOf(segment) || null
}

// Each run of another script waits in a private-use character while the Latin fold runs.
const STAND_IN = 0xe000
const STAND_INS = 0xf8ff - STAND_IN + 1
const PRIVATE_USE = /[\uE000-\uF8FF]/g
const KEEP = /[^a-z0-9\uE000-\uF8FF]+/g

function slugOf(name: string): string {
  const runs: string[] = []
  let text = ''
  let run = ''
  const close = () => {
    if (run === '') return
    const folded = foldRun(run)
    run = ''
    // A name can hold more runs than stand-ins only far past the length bound: the rest go.
    if (folded !== '' && runs.length < STAND_INS) {
      text += String.fromCharCode(STAND_IN + runs.length)
      runs.push(folded)
    }
  }
  // Real private-use characters were separators to slugify: they still are.
  for (const ch of name.normalize('NFKC').replace(PRIVATE_USE, ' ')) {
    if (isOtherScript(ch) || (run !== '' && MARK.test(ch))) run += ch
    else {
      close()
      text += ch
    }
  }
  close()
  const slug = foldLatin(text, KEEP).replace(PRIVATE_USE, (c) => runs[c.charCodeAt(0) - STAND_IN]!)
  return truncate(slug)
}

/**
 * A letter or digit of a script other than Latin, or one that only other scripts write inside
 * their words (Japanese `ー`); ASCII digits and apostrophes (`ʼ`) are the Latin fold's to handle.
 */
const isOtherScript = (ch: string) =>
  ch > '\u007f' && LETTER_OR_DIGIT.test(ch) && !LATIN_OR_SHARED.test(ch)
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const LATIN_OR_SHARED = /[\p{scx=Latin}\p{scx=Zyyy}\p{scx=Zinh}]/u
const MARK = /\p{M}/u

function foldRun(run: string): string {
  // Upper then lower: letters with no capital of their own (Cyrillic `ᲀ`) fold into their capital's.
  return run
    .toUpperCase()
    .toLowerCase()
    .normalize('NFD')
    .replace(/(\p{Script=Greek})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/([\p{Script=Arabic}\p{Script=Hebrew}\u0640])\p{M}+/gu, '$1')
    .replace(/\u0640/g, '')
}
