import { concatBytes } from '../lib/bytes'
import { AppError, tooLarge } from '../errors'

/**
 * The request body as a stream that never yields more than `limit` bytes: the declared length is
 * checked first, then bytes are counted as they arrive (after gzip/deflate inflation, so a small
 * compressed body cannot expand past the limit). Past the limit the stream errors with a 413.
 */
export function uploadStream(request: Request, limit: number): ReadableStream<Uint8Array> {
  const encoding = (request.headers.get('Content-Encoding') ?? 'identity').trim().toLowerCase()
  if (encoding !== 'identity' && encoding !== '' && encoding !== 'gzip' && encoding !== 'deflate') {
    throw new AppError(
      415,
      'unsupported_encoding',
      `Content-Encoding "${encoding}" is not supported; use gzip, deflate or none.`,
    )
  }
  const declared = request.headers.get('Content-Length')
  if (declared !== null) {
    if (!/^\d{1,15}$/.test(declared.trim())) {
      throw new AppError(
        400,
        'invalid_content_length',
        'Content-Length must be a whole number of bytes.',
      )
    }
    if ((encoding === 'identity' || encoding === '') && Number(declared) > limit) {
      throw tooLarge(limit)
    }
  }
  const body = request.body ?? new Blob([]).stream()
  const inflated =
    encoding === 'gzip' || encoding === 'deflate'
      ? body.pipeThrough(new DecompressionStream(encoding))
      : body
  let total = 0
  return inflated.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength
        if (total > limit) controller.error(tooLarge(limit))
        else controller.enqueue(chunk)
      },
    }),
  )
}

/** A stream failure as the client's error: 413 stays 413, anything else is an unreadable body. */
export function bodyError(error: unknown): AppError {
  return error instanceof AppError
    ? error
    : new AppError(
        400,
        'invalid_body',
        'The request body could not be read (corrupt compressed data?).',
      )
}

/** The whole body, bounded by `limit` (see uploadStream). */
export async function readUploadBody(
  request: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = []
  let total = 0
  const reader = uploadStream(request, limit).getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      parts.push(value)
      total += value.byteLength
    }
  } catch (error) {
    throw bodyError(error)
  }
  return concatBytes(parts, total)
}
