import {
  getMultipartBoundary,
  MaxFileSizeExceededError,
  MultipartParseError,
} from '@mjackson/multipart-parser'
import { multipartStream } from '../../lib/multipart'
import { formatForFile } from '../../articles/media-type'
import { AppError } from '../../errors'
import { tooLarge } from './ndjson'
import type { Found, Splitter } from './types'

/**
 * multipart/form-data: each file is one article, typed by its extension (else its declared
 * type); form fields are passed over. A multipart body cannot be entered in the middle, so a
 * later invocation reads it from the start again and passes over the files already split.
 */
export function multipartSplitter(contentType: string): Splitter {
  const boundary = getMultipartBoundary(contentType)
  return async function* (archive, from, limits) {
    const before = from.state ? (JSON.parse(from.state) as { files: number }).files : 0
    let files = 0
    const next = () => ({ at: 0, state: JSON.stringify({ files }) })
    try {
      const parts = multipartStream(await archive.from(0), {
        boundary: boundary ?? '',
        maxFileSize: limits.maxItemBytes,
      })
      for await (const part of parts) {
        if (!part.isFile) continue
        const file = part.filename ?? ''
        // A file input left empty still sends a part, with no name and no bytes.
        if (file === '' && part.size === 0) continue
        if (++files <= before) continue
        yield {
          item: fileItem(file, part.headers.get('Content-Type') ?? '', part.bytes),
          next: next(),
        }
      }
    } catch (error) {
      if (!(error instanceof MultipartParseError)) throw error
      yield brokenOff(error, files + 1, limits.maxItemBytes)
    }
  }
}

function fileItem(file: string, declaredType: string, bytes: Uint8Array): Found['item'] {
  try {
    const format = formatForFile(file, declaredType)
    return { ref: { file }, format, bytes, meta: {} }
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    return { ref: { file }, problem: { code: error.code, message: error.message } }
  }
}

/** The parser stops at a file over the limit or at a malformed part: the rest cannot be read. */
function brokenOff(error: MultipartParseError, file: number, maxItemBytes: number): Found {
  const problem =
    error instanceof MaxFileSizeExceededError
      ? tooLarge(`File ${file}`, maxItemBytes)
      : {
          code: 'malformed_multipart',
          message: `The multipart body cannot be read past file ${file - 1}: ${error.message}`,
        }
  return {
    item: {
      ref: { file: `#${file}` },
      problem: { ...problem, message: `${problem.message} Nothing after it was read.` },
    },
    next: null,
  }
}
