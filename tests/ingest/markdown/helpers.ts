import { IngestError, normalizeUpload, type UploadMeta } from '../../../src/ingest'

export const markdown = (text: string, meta: UploadMeta = {}) =>
  normalizeUpload({ format: 'markdown', text }, meta)

/** The IngestError a call throws; fails the test if it throws anything else or nothing. */
export function failure(run: () => unknown): IngestError {
  try {
    run()
  } catch (error) {
    if (error instanceof IngestError) return error
    throw error
  }
  throw new Error('expected an IngestError')
}

export const fileOf = (...lines: string[]) => lines.join('\n')
