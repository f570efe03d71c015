import { saveUpload, type SaveResult, type Upload } from '../db/article-write'
import type { Db } from '../db/client'
import type { Precondition } from '../http/preconditions'
import { decodeUtf8, normalizeUpload } from '../ingest'

/** One upload, end to end: decode, normalize, store. The single and bulk routes share it. */
export async function ingestUpload(
  db: Db,
  upload: Upload,
  precondition: Precondition = null,
): Promise<SaveResult> {
  const article = normalizeUpload(
    { format: upload.format, text: decodeUtf8(upload.bytes) },
    upload.meta,
  )
  return saveUpload(db, article, upload, precondition)
}
