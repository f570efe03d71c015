/**
 * Where an article lists: newest first by its publication date. An article with no date lists
 * after every dated one, the most recently listed of them first: its key is `!` and the time it
 * went out (its first upload, or its publishing), and `!` sorts before every digit. A month is a
 * key's first seven characters, so an undated article belongs to no month of the archive.
 */
export const UNDATED = '!'

export function sortKeyOf(publishedAt: string | null, listedSince: string): string {
  if (publishedAt !== null) return publishedAt
  return listedSince.startsWith(UNDATED) ? listedSince : `${UNDATED}${listedSince}`
}
