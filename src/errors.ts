import type { ContentfulStatusCode } from 'hono/utils/http-status'

/**
 * An error the client caused or should know about, with the status that says which:
 * src/http/handle-error.ts turns it (and the ingest layer's IngestError, and what the storage
 * layer throws) into the one JSON shape `{ "error": { "code", "message" } }`.
 */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

export const notFound = (what = 'article') => new AppError(404, 'not_found', `No such ${what}.`)

export const tooLarge = (limit: number, what = 'The upload') =>
  new AppError(413, 'payload_too_large', `${what} exceeds the limit of ${limit} bytes.`)

export const invalidCursor = (from: string) =>
  new AppError(400, 'invalid_cursor', `cursor: not a cursor from this ${from}`)
