import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { isStorageUnavailable, WriteConflict } from '../db/errors'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { IngestError } from '../ingest/errors'
import { siteOf } from '../settings'
import { renderErrorPage } from '../views/error-page'
import { wantsJson } from './negotiate'

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

interface Problem {
  status: ContentfulStatusCode
  code: string
  message: string
  headers?: Record<string, string>
}

/** What every error means to the client: the one place errors get their status. */
function problemOf(error: Error): Problem {
  if (error instanceof AppError) return error
  if (error instanceof IngestError) return error
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode
    return { status, code: CODES[status] ?? 'error', message: error.message || 'Request failed.' }
  }
  if (error instanceof WriteConflict) {
    return {
      status: 409,
      code: 'conflict',
      message: 'Another write to this article won the race; retry the request.',
    }
  }
  if (isStorageUnavailable(error)) {
    console.error('storage unavailable', error.message)
    return {
      status: 503,
      code: 'unavailable',
      message: 'Storage is unavailable; retry shortly.',
      headers: { 'Retry-After': '5' },
    }
  }
  console.error('unexpected error', error)
  return { status: 500, code: 'internal', message: 'Something went wrong on our side.' }
}

/**
 * One error shape for everything, `{ "error": { "code", "message" } }`; a page (an operation
 * with `page: true`) answers a reader with an HTML page saying the same. Only the unexpected is
 * logged.
 */
export function handleError(error: Error, c: Context<AppEnv>) {
  const { status, code, message, headers } = problemOf(error)
  if (c.get('pageErrors') && !wantsJson(c)) {
    return c.html(renderErrorPage(status, message, siteOf(c.env)), status, {
      ...headers,
      Vary: 'Accept',
    })
  }
  return c.json(errorBody(code, message), status, headers)
}
