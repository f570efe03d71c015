/**
 * Cache scopes: each cached page belongs to one scope, and its KV key embeds the scope's epoch.
 * A write bumps the epochs of every scope it touches, in the same D1 batch as the write itself.
 */
export const INDEX_SCOPE = 'index'
export const articleScope = (slug: string) => `article:${slug}`
export const authorScope = (slug: string) => `author:${slug}`
export const tagScope = (slug: string) => `tag:${slug}`

/** What a change to one article can alter on other pages: who wrote it and what it is tagged. */
export interface ArticleLinks {
  authorSlugs: readonly string[]
  tagSlugs: readonly string[]
}

/** The scopes a change to one article touches, given its links before and after the change. */
export function scopesForArticle(slug: string, ...links: ArticleLinks[]): string[] {
  return [
    articleScope(slug),
    INDEX_SCOPE,
    ...links.flatMap((l) => [...l.authorSlugs.map(authorScope), ...l.tagSlugs.map(tagScope)]),
  ]
}
