import type { SourceFormat } from '../model/article'
import { IngestError } from './errors'

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Strict UTF-8: a byte that is not UTF-8 is a client error, never a U+FFFD in stored text. */
export function decodeUtf8(bytes: Uint8Array): string {
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    throw new IngestError(400, 'invalid_encoding', 'body is not valid UTF-8')
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * The encoding a label names under the WHATWG Encoding Standard (`latin1` and `iso-8859-1` are
 * windows-1252, as browsers read them), or null for a label it does not name. The runtime's
 * TextDecoder knows every encoding of the standard.
 */
export function encodingOf(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding
  } catch {
    return null
  }
}

/** How far a page is read for a `<meta charset>`, as browsers prescan it. */
const PRESCAN_BYTES = 1024
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w:.-]+)/i

/**
 * An upload's text, in the encoding it names: a byte-order mark first, then the charset its
 * Content-Type declares, then (HTML) a `<meta charset>` or `http-equiv` Content-Type in its first
 * 1024 bytes; else UTF-8. The stored original keeps the bytes as they came; the text is what is
 * normalized (and stored as UTF-8). Bytes that are not valid in the encoding are refused (400),
 * never turned into U+FFFD; so is a charset the Encoding Standard does not name (415).
 */
export function decodeText(
  bytes: Uint8Array,
  format: SourceFormat,
  declared: string | null,
): string {
  const named = byteOrderMark(bytes) ?? declared ?? (format === 'html' ? metaCharset(bytes) : null)
  const label = named ?? 'utf-8'
  const encoding = encodingOf(label)
  if (encoding === null) {
    throw new IngestError(
      415,
      'unsupported_charset',
      `charset "${label}" is not one the WHATWG Encoding Standard names; send UTF-8, or name the charset the bytes are in.`,
    )
  }
  if (encoding === 'utf-8' && named !== null) return decodeUtf8(bytes)
  if (encoding === 'utf-8') {
    try {
      return decodeUtf8(bytes)
    } catch {
      throw new IngestError(
        400,
        'invalid_encoding',
        'body is not valid UTF-8 and names no other charset: declare it (charset= in the Content-Type, or a <meta charset> in a page)',
      )
    }
  }
  try {
    // A byte-order mark of the encoding itself is dropped, as browsers drop it.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw new IngestError(400, 'invalid_encoding', `body is not valid ${encoding}`)
  }
}

function byteOrderMark(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

/**
 * The charset a page's `<meta>` names near its start. A page that says UTF-16 in a meta was
 * read as ASCII to find it, so it is not UTF-16: browsers take UTF-8 then, and so do we.
 */
function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, PRESCAN_BYTES))
  const label = META_CHARSET.exec(head)?.[1] ?? null
  if (label === null) return null
  return /^utf-16/i.test(encodingOf(label) ?? '') ? 'utf-8' : label
}
