/**
 * Cache scopes: each cached page belongs to one scope, and its KV key embeds the scope's epoch.
 * A write bumps the epochs of every scope it touches, in the same D1 batch as the write itself.
 */
export const INDEX_SCOPE = 'index'
export const articleScope = (slug: string) => `article:${slug}`

/** The scopes a change to one article touches. */
export function scopesForArticle(slug: string): string[] {
  return [articleScope(slug), INDEX_SCOPE]
}
