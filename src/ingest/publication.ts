import { PublicationError, publicationRequest, type PublicationRequest } from '../model/publication'
import { IngestError } from './errors'

/**
 * The status and publish time an upload names (a JSON field, front matter), checked: null when
 * it names neither. Throws IngestError 422 `invalid_status` or `invalid_publish_at`; `where`
 * prefixes the message (`front matter `).
 */
export function requestedPublication(
  status: unknown,
  publishAt: unknown,
  where = '',
): PublicationRequest | null {
  try {
    return publicationRequest(status, publishAt)
  } catch (error) {
    if (error instanceof PublicationError) {
      throw new IngestError(422, error.code, `${where}${error.message}`)
    }
    throw error
  }
}
