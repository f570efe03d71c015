import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** An error the client caused or should know about; `app.onError` turns it into the JSON shape. */
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
