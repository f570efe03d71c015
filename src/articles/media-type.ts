import { UPLOAD_FORMATS, type SourceFormat } from '../model/article'
import { AppError } from '../errors'
import { encodingOf } from '../ingest'

// Maps, not object literals: a name from a request (`constructor`, `__proto__`) must never
// find something an object inherits.
const FORMATS = new Map<string, SourceFormat>([
  ['text/plain', 'text'],
  ['application/json', 'json'],
  ['text/html', 'html'],
  ['application/xhtml+xml', 'html'],
  ['text/markdown', 'markdown'],
  ['text/x-markdown', 'markdown'],
])

/** Maps a request Content-Type to the format its body is parsed as; 415 for anything else. */
export function uploadFormat(contentType: string | undefined): SourceFormat {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  const format = FORMATS.get(type)
  if (!format) {
    throw new AppError(
      415,
      'unsupported_media_type',
      `Content-Type "${type || '(none)'}" is not accepted; send ${[...FORMATS.keys()].join(' or ')}.`,
    )
  }
  requireKnownCharset(contentType)
  return format
}

/** The charset a Content-Type declares (`text/html; charset="ISO-8859-1"` → `iso-8859-1`). */
export function charsetOf(contentType: string | undefined | null): string | null {
  return (
    (contentType ?? '')
      .split(';')
      .slice(1)
      .map((part) => part.trim().toLowerCase())
      .find((p) => p.startsWith('charset='))
      ?.slice(8)
      .replaceAll('"', '')
      .trim() || null
  )
}

/**
 * A container read as UTF-8 (an NDJSON stream, an import archive): a Content-Type naming another
 * charset is refused with 415.
 */
export function requireUtf8(contentType: string | undefined): void {
  const charset = charsetOf(contentType)
  if (charset && encodingOf(charset) !== 'utf-8') {
    throw new AppError(
      415,
      'unsupported_charset',
      `charset "${charset}" is not accepted here; send UTF-8.`,
    )
  }
}

/** An article's charset may be any the WHATWG Encoding Standard names; another is 415. */
export function requireKnownCharset(contentType: string | undefined): void {
  const charset = charsetOf(contentType)
  if (charset && encodingOf(charset) === null) {
    throw new AppError(
      415,
      'unsupported_charset',
      `charset "${charset}" is not one the WHATWG Encoding Standard names; send UTF-8, or name the charset the bytes are in.`,
    )
  }
}

const EXTENSIONS = new Map<string, SourceFormat>([
  ['txt', 'text'],
  ['json', 'json'],
  ['html', 'html'],
  ['htm', 'html'],
  ['md', 'markdown'],
  ['markdown', 'markdown'],
])

/** The Content-Type a source of each format is stored and served with. */
export const CONTENT_TYPES: Record<SourceFormat, string> = {
  text: 'text/plain; charset=utf-8',
  json: 'application/json',
  html: 'text/html; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  wxr: 'application/xml; charset=utf-8',
  ghost: 'application/json',
}

/**
 * A file's stored Content-Type: its format's, with the charset the file declared when it named
 * one (`text/plain; charset=iso-8859-1`), so it is read in that charset and served as it came.
 */
export function typeWithCharset(formatType: string, declaredType: string): string {
  const charset = charsetOf(declaredType)
  if (!charset) return formatType
  return `${formatType.split(';')[0]}; charset=${charset}`
}

/**
 * The format of an uploaded file: by its extension when it has a known one (browsers label `.md`
 * files inconsistently), else by its declared Content-Type. A declared charset must be one the
 * Encoding Standard names.
 */
export function formatForFile(filename: string, declaredType: string): SourceFormat {
  requireKnownCharset(declaredType)
  const extension = /\.([a-z]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? ''
  const format = EXTENSIONS.get(extension)
  if (format) return format
  if (declaredType && declaredType !== 'application/octet-stream') return uploadFormat(declaredType)
  throw new AppError(
    415,
    'unsupported_media_type',
    `"${filename}" has no supported type; use ${[...EXTENSIONS.keys()].map((e) => `.${e}`).join(', ')}.`,
  )
}

/** A format named by a client (the upload form's select): one of the four, or null. */
export const formatNamed = (name: string): SourceFormat | null =>
  (UPLOAD_FORMATS as readonly string[]).includes(name) ? (name as SourceFormat) : null
