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
