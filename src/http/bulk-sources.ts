import { getMultipartBoundary, MaxFileSizeExceededError } from '@mjackson/multipart-parser'
import { multipartStream } from '../lib/multipart'
import type { BulkItem } from '../articles/bulk'
import { AppError, tooLarge } from '../errors'
import { CONTENT_TYPES, formatForFile, typeWithCharset } from '../articles/media-type'
import { ndjsonLines } from '../lib/ndjson-lines'
import { bodyError } from './upload-body'

/** A multipart part: a form field, or a file as a bulk item. */
export type FormPart = { field: string; value: string } | BulkItem

/**
 * Each non-blank line of an NDJSON body is one JSON article. A body that breaks off is an
 * AppError (see bodyError), as from multipartParts.
 */
export async function* ndjsonItems(
  stream: ReadableStream<Uint8Array>,
  maxItem: number,
): AsyncGenerator<BulkItem> {
  try {
    for await (const line of ndjsonLines(stream, maxItem)) {
      yield {
        upload:
          'tooLong' in line
            ? tooLarge(maxItem, 'The line')
            : { format: 'json', contentType: CONTENT_TYPES.json, bytes: line.bytes, meta: {} },
      }
    }
  } catch (error) {
    throw bodyError(error)
  }
}

export function multipartBoundary(contentType: string): string {
  const boundary = getMultipartBoundary(contentType)
  if (!boundary) throw new AppError(400, 'invalid_request', 'multipart/form-data needs a boundary.')
  return boundary
}

/**
 * The parts of a multipart body in order, each file typed by extension (else by its declared
 * type). Each file is held only while it is processed, and never past `maxItem` bytes.
 */
export async function* multipartParts(
  stream: ReadableStream<Uint8Array>,
  boundary: string,
  maxItem: number,
): AsyncGenerator<FormPart> {
  try {
    for await (const part of multipartStream(stream, { boundary, maxFileSize: maxItem })) {
      if (!part.isFile) {
        yield { field: part.name ?? '', value: part.text }
        continue
      }
      const name = part.filename ?? ''
      // A file input left empty still sends a part, with no name and no bytes.
      if (name === '' && part.size === 0) continue
      try {
        const declared = part.headers.get('Content-Type') ?? ''
        const format = formatForFile(name, declared)
        const contentType = typeWithCharset(CONTENT_TYPES[format], declared)
        yield { name, upload: { format, contentType, bytes: part.bytes, meta: {} } }
      } catch (error) {
        yield { name, upload: error instanceof AppError ? error : bodyError(error) }
      }
    }
  } catch (error) {
    // A part past the size limit cannot be skipped: the parser stops there.
    if (error instanceof MaxFileSizeExceededError) yield { upload: tooLarge(maxItem, 'A file') }
    else throw bodyError(error)
  }
}

/** Only the files of a multipart body. */
export async function* multipartItems(
  stream: ReadableStream<Uint8Array>,
  boundary: string,
  maxItem: number,
): AsyncGenerator<BulkItem> {
  for await (const part of multipartParts(stream, boundary, maxItem)) {
    if ('upload' in part) yield part
  }
}
