import { normalizeUpload, type UploadMeta } from '../../../src/ingest'

export { failure } from '../failure'

export const markdown = (text: string, meta: UploadMeta = {}) =>
  normalizeUpload({ format: 'markdown', text }, meta)

export const fileOf = (...lines: string[]) => lines.join('\n')
