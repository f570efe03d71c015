import { AppError } from './errors'

export const DEFAULT_MAX_UPLOAD_BYTES = 1024 * 1024

export function maxUploadBytes(configured: string | undefined): number {
  const value = Number(configured)
  return Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_MAX_UPLOAD_BYTES
}

const tooLarge = (limit: number) =>
  new AppError(413, 'payload_too_large', `The upload exceeds the limit of ${limit} bytes.`)

/**
 * Reads a request body as bytes without ever holding more than `limit` of it: the declared
 * length is checked first, then the stream is counted as it arrives (and after gzip inflation, so a
 * small compressed body cannot expand past the limit).
 */
export async function readUploadBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('Content-Length')
  if (declared !== null) {
    if (!/^\d{1,15}$/.test(declared.trim())) {
      throw new AppError(
        400,
        'invalid_content_length',
        'Content-Length must be a whole number of bytes.',
      )
    }
    const encoded = request.headers.get('Content-Encoding')
    if (!encoded && Number(declared) > limit) throw tooLarge(limit)
  }
  if (!request.body) return new Uint8Array()

  let stream: ReadableStream<Uint8Array> = request.body
  const encoding = (request.headers.get('Content-Encoding') ?? 'identity').trim().toLowerCase()
  if (encoding === 'gzip' || encoding === 'deflate') {
    stream = stream.pipeThrough(new DecompressionStream(encoding))
  } else if (encoding !== 'identity' && encoding !== '') {
    throw new AppError(
      415,
      'unsupported_encoding',
      `Content-Encoding "${encoding}" is not supported; use gzip, deflate or none.`,
    )
  }

  const parts: Uint8Array[] = []
  let total = 0
  const reader = stream.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > limit) {
        await reader.cancel().catch(() => {})
        throw tooLarge(limit)
      }
      parts.push(value)
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError(
      400,
      'invalid_body',
      'The request body could not be read (corrupt compressed data?).',
    )
  }
  const body = new Uint8Array(total)
  let offset = 0
  for (const part of parts) {
    body.set(part, offset)
    offset += part.byteLength
  }
  return body
}
