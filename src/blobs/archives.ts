import { AppError } from '../errors'
import { reach } from './reach'
import { toHex } from '../lib/hash'

/**
 * Where an import's archive and what is made from it live in R2. A chunk's key names the byte
 * it was split from: two splitters of one job (a message delivered twice) that start from one
 * place write the same bytes under the same key, and one behind never overwrites a chunk.
 */
export const archiveKey = (jobId: string) => `imports/${jobId}/archive`
export const chunkKey = (jobId: string, seq: number, from: number) =>
  `imports/${jobId}/chunks/${seq}@${from}`
const asideKey = (jobId: string, name: string) => `imports/${jobId}/${name}`

/**
 * R2 takes a multipart upload's parts at 5 MiB or more, all of one size but the last (a part of
 * another size is refused when the upload completes).
 */
const PART_BYTES = 8 * 1024 * 1024

export interface StoredArchive {
  bytes: number
  sha256: string
}

/**
 * Streams a request body into R2 without holding it: parts of exactly 8 MiB are sent as they
 * fill (a read that crosses a part's end is cut there), the SHA-256 is taken as the bytes pass,
 * and only a body read to its end is completed (a broken one is aborted, leaving nothing). The
 * stream's own errors (a 413, corrupt gzip) pass through.
 */
export async function storeArchive(
  bucket: R2Bucket,
  key: string,
  body: ReadableStream<Uint8Array>,
  contentType: string,
  partBytes = PART_BYTES,
): Promise<StoredArchive> {
  const upload = await reach(() =>
    bucket.createMultipartUpload(key, { httpMetadata: { contentType } }),
  )
  const digest = new crypto.DigestStream('SHA-256')
  const hashing = digest.getWriter()
  const parts: R2UploadedPart[] = []
  let part = new Uint8Array(partBytes)
  let filled = 0
  let bytes = 0
  const sendPart = async (length: number) => {
    const bytesOfPart = length === part.length ? part : part.slice(0, length)
    parts.push(await reach(() => upload.uploadPart(parts.length + 1, bytesOfPart)))
    part = new Uint8Array(partBytes)
    filled = 0
  }
  try {
    for await (const chunk of body) {
      await hashing.write(chunk)
      bytes += chunk.length
      for (let at = 0; at < chunk.length;) {
        const taken = Math.min(chunk.length - at, partBytes - filled)
        part.set(chunk.subarray(at, at + taken), filled)
        filled += taken
        at += taken
        if (filled === partBytes) await sendPart(partBytes)
      }
    }
    if (filled > 0 || parts.length === 0) await sendPart(filled)
    await hashing.close()
    await reach(() => upload.complete(parts))
  } catch (error) {
    await upload.abort().catch(() => undefined)
    throw error
  }
  return { bytes, sha256: toHex(await digest.digest) }
}

/** An archive's bytes from `offset` on, as a stream (R2 reads only that range). */
export async function archiveFrom(
  bucket: R2Bucket,
  key: string,
  offset: number,
  length?: number,
): Promise<ReadableStream<Uint8Array>> {
  const object = await reach(() =>
    bucket.get(key, { range: length === undefined ? { offset } : { offset, length } }),
  )
  if (!object) throw new AppError(404, 'not_found', `No archive at ${key}.`)
  return object.body
}

/** A small text kept beside an archive (what a splitter needs again later), or null. */
export async function loadAside(bucket: R2Bucket, jobId: string, name: string) {
  const object = await reach(() => bucket.get(asideKey(jobId, name)))
  return object ? object.text() : null
}

export async function saveAside(bucket: R2Bucket, jobId: string, name: string, text: string) {
  await reach(() => bucket.put(asideKey(jobId, name), text))
}

export async function putChunk(bucket: R2Bucket, key: string, bytes: Uint8Array) {
  await reach(() => bucket.put(key, bytes))
}

/** A chunk's bytes; a chunk D1 names but R2 has not is storage failing (503, retried). */
export async function readChunk(bucket: R2Bucket, key: string): Promise<Uint8Array> {
  const object = await reach(() => bucket.get(key))
  if (!object) {
    throw new AppError(503, 'unavailable', `The chunk at ${key} cannot be read.`)
  }
  return new Uint8Array(await object.arrayBuffer())
}

/** Removes objects that are no longer needed; failing to is only logged (they cost bytes, not correctness). */
export async function dropObjects(bucket: R2Bucket, keys: string[]) {
  try {
    if (keys.length > 0) await bucket.delete(keys)
  } catch (error) {
    console.warn('could not delete', keys.length, 'objects from R2:', String(error))
  }
}
