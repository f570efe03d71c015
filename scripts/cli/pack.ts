import { randomBytes } from 'node:crypto'
import { openAsBlob } from 'node:fs'
import { extname } from 'node:path'
import { CONTENT_TYPES } from './files'

/** Loose files go in multipart imports of at most this many bytes, well under the server's 100 MB. */
export const PACK_BYTES = 90_000_000

export interface PackedFile {
  path: string
  /** The part's filename: the path as the user knows it, which failures are reported by. */
  name: string
  bytes: number
}

export interface Pack {
  files: PackedFile[]
  /** The multipart body's exact size. */
  bytes: number
  contentType: string
}

/** Groups files, in order, into multipart bodies of at most `maxBytes` (a bigger file alone). */
export function planPacks(files: PackedFile[], maxBytes: number, boundary = newBoundary()): Pack[] {
  const closing = Buffer.byteLength(closingOf(boundary))
  const contentType = `multipart/form-data; boundary=${boundary}`
  const packs: Pack[] = []
  let current: Pack | null = null
  for (const file of files) {
    const part = Buffer.byteLength(partHeader(boundary, file.name)) + file.bytes + 2
    if (!current || (current.files.length > 0 && current.bytes + part > maxBytes)) {
      current = { files: [], bytes: closing, contentType }
      packs.push(current)
    }
    current.files.push(file)
    current.bytes += part
  }
  return packs
}

/** The pack's body as a Blob of its headers and the files themselves: read only as it is sent. */
export async function packBody(pack: Pack): Promise<Blob> {
  const boundary = pack.contentType.slice(pack.contentType.indexOf('boundary=') + 9)
  const parts: (string | Blob)[] = []
  for (const file of pack.files) {
    parts.push(partHeader(boundary, file.name), await openAsBlob(file.path), '\r\n')
  }
  parts.push(closingOf(boundary))
  return new Blob(parts)
}

const newBoundary = () => `----ingest-${randomBytes(12).toString('hex')}`

// A filename is quoted as the server's parser reads it: backslash escapes, and line breaks as
// browsers send them (they could end the header).
const quoted = (name: string) =>
  name.replace(/[\\"]/g, '\\$&').replaceAll('\r', '%0D').replaceAll('\n', '%0A')

function partHeader(boundary: string, name: string): string {
  const type = CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream'
  return (
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="file"; filename="${quoted(name)}"\r\n` +
    `Content-Type: ${type}\r\n\r\n`
  )
}

const closingOf = (boundary: string) => `--${boundary}--\r\n`
