import { AppError } from '../errors'
import { reach } from './reach'
import { sha256Hex, toHex } from '../lib/hash'

/**
 * Original uploads in R2, content-addressed: the key is the bytes' SHA-256, so the same bytes
 * are stored once however many articles or revisions hold them, and an object never changes.
 */
export const originalKey = (sha256: string) => `originals/sha256/${sha256}`

/**
 * Stores bytes under their hash, once: R2 checks the bytes against the hash as it takes them,
 * and a put for a key that exists already stores nothing. Returns the key.
 */
export async function putOriginal(
  bucket: R2Bucket,
  sha256: string,
  bytes: Uint8Array,
): Promise<string> {
  const key = originalKey(sha256)
  await reach(() => bucket.put(key, bytes, { sha256, onlyIf: { etagDoesNotMatch: '*' } }))
  return key
}

/**
 * Where an original is: a whole object, or `length` bytes of one from `offset` (an import item's
 * bytes inside its chunk, kept exactly as the archive held them).
 */
export interface OriginalAt {
  key: string
  range?: { offset: number; length: number }
}

const getOriginal = (bucket: R2Bucket, at: OriginalAt) =>
  reach(() => bucket.get(at.key, at.range ? { range: at.range } : undefined))

const lost = (key: string) =>
  new AppError(503, 'unavailable', `The original at ${key} cannot be read; retry shortly.`, {
    'Retry-After': '5',
  })

/** Originals up to this size are checked whole before the first byte is sent. */
const CHECKED_WHOLE_BYTES = 16 * 1024 * 1024

/**
 * An original, checked against the hash D1 recorded, so a client never takes damaged bytes for
 * whole ones. One up to 16 MiB (every upload's, every import item's) is read and checked before
 * anything is answered: damaged, it is a 503, not a 200 cut short. A larger one is a stream
 * checked as it goes, whose end is an error when the bytes do not hash to what was recorded.
 */
export async function streamOriginal(
  bucket: R2Bucket,
  at: OriginalAt,
  sha256: string,
): Promise<ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>> {
  const { key } = at
  const object = await getOriginal(bucket, at)
  if (!object) throw lost(key)
  if ((at.range?.length ?? object.size) <= CHECKED_WHOLE_BYTES) {
    const bytes = new Uint8Array(await reach(() => object.arrayBuffer()))
    if ((await sha256Hex(bytes)) === sha256) return bytes
    console.error('original does not match its hash', key)
    throw lost(key)
  }
  const source = object.body.getReader()
  const digest = new crypto.DigestStream('SHA-256')
  const hashing = digest.getWriter()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await source.read()
      if (!done) {
        await hashing.write(value)
        return controller.enqueue(value)
      }
      await hashing.close()
      if (toHex(await digest.digest) === sha256) return controller.close()
      console.error('original does not match its hash', key)
      controller.error(lost(key))
    },
    cancel: (reason) => source.cancel(reason),
  })
}

/** An original's bytes, whole, checked against its hash. */
export async function readOriginal(
  bucket: R2Bucket,
  at: OriginalAt,
  sha256: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const object = await getOriginal(bucket, at)
  if (!object) throw lost(at.key)
  const bytes = new Uint8Array(await object.arrayBuffer())
  if ((await sha256Hex(bytes)) !== sha256) {
    console.error('original does not match its hash', at.key)
    throw lost(at.key)
  }
  return bytes
}
