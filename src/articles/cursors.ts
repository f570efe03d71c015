import {
  decodeCursor,
  decodeRevisionCursor,
  decodeSearchCursor,
  type ListCursor,
  type SearchCursor,
} from '../db/cursor'
import { invalidCursor } from '../errors'

/** A listing cursor from a query string: none, or one this site made; anything else is a 400. */
export function parseListCursor(cursor: string | undefined): ListCursor | null {
  if (cursor === undefined) return null
  return decodeCursor(cursor) ?? throwInvalid('site')
}

export function parseSearchCursor(cursor: string | undefined): SearchCursor | null {
  if (cursor === undefined) return null
  return decodeSearchCursor(cursor) ?? throwInvalid('search')
}

export function parseRevisionCursor(cursor: string | undefined): number | null {
  if (cursor === undefined) return null
  return decodeRevisionCursor(cursor) ?? throwInvalid('history')
}

function throwInvalid(from: string): never {
  throw invalidCursor(from)
}
