// C0/C1 controls except tab and newline; BOM and zero-width space anywhere (invisible, never words).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\u200B]/g
const UNICODE_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g
// Half a surrogate pair (possible through a JSON `\ud800` escape) is no character at all.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const NEEDS_CLEANING =
  /[\uD800-\uDFFF\r\u2028\u2029\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\u200B\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/
// Only runs and non-space whitespace: replacing every single space with itself is slow.
const WHITESPACE = /\s{2,}|[^\S ]/g

/** Document-level cleanup: LF newlines, no control characters, NFC, plain spaces. Keeps lines. */
export function normalizeText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text.normalize('NFC')
  return text
    .replace(/\r\n?|\u2028/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(CONTROL, '')
    .replace(LONE_SURROGATE, '')
    .normalize('NFC')
    .replace(UNICODE_SPACE, ' ')
}

/** One line or paragraph: all whitespace runs (newlines included) become one space; trimmed. */
export function cleanInline(text: string): string {
  return collapseSpaces(normalizeText(text))
}

/** Whitespace runs become one space; trimmed. For text already through normalizeText. */
export const collapseSpaces = (text: string): string => text.replace(WHITESPACE, ' ').trim()

/** Paragraphs separated by blank lines; lines inside a paragraph are joined. Empty ones dropped. */
export function splitParagraphs(text: string): string[] {
  return normalizeText(text)
    .split(/\n[ \t]*\n/)
    .map(cleanInline)
    .filter((p) => p !== '')
}

/** Runs of characters between whitespace (what `\s` matches), counted without splitting. */
export function countWords(text: string): number {
  let words = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i))
    if (!space && !inWord) words++
    inWord = !space
  }
  return words
}

/** `\s` for one UTF-16 code unit: the ECMAScript white space and line terminators. */
const isSpace = (c: number): boolean =>
  c === 0x20 ||
  (c >= 0x09 && c <= 0x0d) ||
  (c >= 0xa0 &&
    (c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff))

/**
 * `text` without the characters matching `set` at its end. Linear: `/[…]+$/` tries every run of
 * those characters in the text and is quadratic on a long one that does not end it.
 */
export function trimEndOf(text: string, set: RegExp): string {
  let end = text.length
  while (end > 0 && set.test(text[end - 1]!)) end--
  return text.slice(0, end)
}

/** `text` without the characters matching `set` at its start (see trimEndOf). */
export function trimStartOf(text: string, set: RegExp): string {
  let start = 0
  while (start < text.length && set.test(text[start]!)) start++
  return text.slice(start)
}
