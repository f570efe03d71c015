import { readOriginal, streamOriginal, type OriginalAt } from '../blobs/originals'
import type { Db } from '../db/client'
import { chunkedBytes, type StoredSource } from '../db/history-read'

/** Where the services keep things: D1 for articles and their history, R2 for original bytes. */
export interface Storage {
  db: Db
  originals: R2Bucket
}

/** A source's bytes, checked against its hash (R2), or from D1 for one stored before R2. */
export const sourceBytes = (storage: Storage, source: StoredSource) =>
  source.r2Key === null
    ? chunkedBytes(storage.db, source)
    : readOriginal(storage.originals, originalAt(source, source.r2Key), source.sha256)

/** The same, to answer with: from R2 it is checked against its hash (see streamOriginal). */
export async function sourceStream(
  storage: Storage,
  source: StoredSource,
): Promise<ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>> {
  if (source.r2Key === null) return chunkedBytes(storage.db, source)
  return streamOriginal(storage.originals, originalAt(source, source.r2Key), source.sha256)
}

const originalAt = (source: StoredSource, key: string): OriginalAt =>
  source.r2Offset === null
    ? { key }
    : { key, range: { offset: source.r2Offset, length: source.byteLength } }
