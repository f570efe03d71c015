import type { ArticleLinks, LinkingArticle } from '../db/article-state'

/**
 * Cache scopes: each cached page belongs to one scope, and its KV key embeds the scope's epoch.
 * A write bumps the epochs of every scope it touches, in the same D1 batch as the write itself.
 */

/** Site-wide collections: the front page, the site feeds, the sitemap, search results. */
export const INDEX_SCOPE = 'index'
export const articleScope = (slug: string) => `article:${slug}`
export const authorScope = (slug: string) => `author:${slug}`
export const tagScope = (slug: string) => `tag:${slug}`
/** `month` is `YYYY-MM`. */
export const archiveScope = (month: string) => `archive:${month}`

/**
 * The scopes a change to one article touches: its own page, the site-wide collections, its
 * author, tag and archive pages before and after the change, and the pages of other articles
 * whose related headlines or text link (or now stop linking) to it, with the author and tag
 * feeds that carry that text. A new article (`slug` null: it is chosen as it is stored) has no
 * page of its own yet to retire.
 */
export function scopesForArticle(
  slug: string | null,
  links: readonly ArticleLinks[],
  linkingArticles: readonly LinkingArticle[] = [],
): string[] {
  return [
    ...(slug === null ? [] : [articleScope(slug)]),
    INDEX_SCOPE,
    ...links.flatMap((l) => [
      ...l.authorSlugs.map(authorScope),
      ...l.tagSlugs.map(tagScope),
      archiveScope(l.month),
    ]),
    ...linkingArticles.flatMap((a) => [
      articleScope(a.slug),
      ...a.authorSlugs.map(authorScope),
      ...a.tagSlugs.map(tagScope),
    ]),
  ]
}
