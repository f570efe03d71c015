/** The one error the ingest layer throws; routes turn it into `{ error: { code, message } }`. */
export class IngestError extends Error {
  override name = 'IngestError'

  constructor(
    readonly status: 400 | 415 | 422,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const invalidField = (field: string, expected: string) =>
  new IngestError(400, 'invalid_field', `${field}: expected ${expected}`)

/** 422 too_large: a part of an article past one of its bounds (see limits.ts). */
export const overLimit = (field: string, limit: string) =>
  new IngestError(422, 'too_large', `${field}: at most ${limit} allowed`)
