import { concatBytes } from '../lib/bytes'
import { AppError, tooLarge } from '../errors'
import { gunzip } from './gunzip'

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
    encoding === 'gzip'
      ? body.pipeThrough(gunzip(limit))
      : encoding === 'deflate'
        ? body.pipeThrough(new DecompressionStream('deflate'))
        : body
  // The app reads through this stream; the source stays ours, so that what the app leaves
  // unread can be drained once it has answered (see releaseBody). The runtime's request body
  // allows one pending read at a time: the drain waits for the app's last read to settle.
  const source = inflated.getReader()
  let total = 0
  let done = false
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null
  const read = async () => {
    pending = source.read()
    try {
      const chunk = await pending
      if (chunk.done) done = true
      return chunk
    } finally {
      pending = null
    }
  }
  const counted = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // A damaged compressed body fails here, whoever reads it: always the client's error.
        const chunk = await read().catch((error: unknown) => {
          throw bodyError(error)
        })
        if (chunk.done) return controller.close()
        total += chunk.value.byteLength
        if (total > limit) controller.error(tooLarge(limit))
        else controller.enqueue(chunk.value)
      },
    },
    { highWaterMark: 0 },
  )
  drains.set(request, async () => {
    if (pending) await pending.catch(() => undefined)
    if (!done) await drain(source)
  })
  return counted
}

const drains = new WeakMap<Request, () => Promise<void>>()
/** Past this much unread, a body is cancelled rather than read to its end. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  for (let drained = 0; drained <= MAX_DRAIN_BYTES;) {
    const chunk = await reader.read()
    if (chunk.done) return
    drained += chunk.value.byteLength
  }
  await reader.cancel()
}
/**
 * Lets go of a request body the app did not read to its end, once the app has answered (a 401
 * before the upload or at the form's first file, a 413 mid-stream, a malformed part): the rest
 * is read and dropped, up to 64 MiB, past which it is cancelled. Cancelling it at once leaves
 * `wrangler dev` waiting for its bytes, and the next request on the connection hangs behind it.
 */
export async function releaseBody(request: Request): Promise<void> {
  const body = request.body
  if (!body) return
  try {
    await (body.locked ? drains.get(request)?.() : drain(body.getReader()))
  } catch {
    // Already finished or errored: nothing is waiting.
  }
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
