import { AppError } from '../errors'
import { PublicationError, publicationRequest } from '../model/publication'

/** A status change as the API sent it, checked: the client's 422 when it names no valid one. */
export function publicationRequestOf(status: unknown, publishAt: unknown) {
  try {
    const request = publicationRequest(status, publishAt)
    if (request) return request
  } catch (error) {
    if (error instanceof PublicationError) throw new AppError(422, error.code, error.message)
    throw error
  }
  throw new AppError(422, 'invalid_status', 'give status, publishAt or both')
}
