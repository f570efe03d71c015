import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { isStorageUnavailable } from '../db/errors'
import { IngestError } from '../ingest/errors'
import { AppError } from '../errors'

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
}

export const errorBody = (code: string, message: string) => ({ error: { code, message } })

/** One JSON error shape for everything; only the unexpected is logged. */
export function handleError(error: Error, c: Context) {
  if (error instanceof AppError || error instanceof IngestError) {
    const headers = error instanceof AppError ? error.headers : {}
    return c.json(
      errorBody(error.code, error.message),
      error.status as ContentfulStatusCode,
      headers,
    )
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode
    return c.json(errorBody(CODES[status] ?? 'error', error.message || 'Request failed.'), status)
  }
  if (isStorageUnavailable(error)) {
    console.error('storage unavailable', error.message)
    return c.json(errorBody('unavailable', 'Storage is unavailable; retry shortly.'), 503, {
      'Retry-After': '5',
    })
  }
  console.error('unexpected error', error)
  return c.json(errorBody('internal', 'Something went wrong on our side.'), 500)
}
