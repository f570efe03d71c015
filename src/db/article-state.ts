import { and, eq, inArray, isNull, ne } from 'drizzle-orm'
import type { ArticleLinks } from '../cache/scopes'
import { slugify } from '../ingest/slug'
import type { NormalizedArticle } from '../model/article'
import type { Db } from './client'
import { articleAuthors, articles, articleTags, related } from './schema'

/** What a stored article links to now, and the keys other articles' related headlines match. */
export interface ArticleState extends ArticleLinks {
  sortKey: string
  keys: string[]
}

export async function stateOf(db: Db, articleId: string): Promise<ArticleState> {
  const [rows, authorRows, tagRows] = await db.batch([
    db
      .select({
        sortKey: articles.sortKey,
        titleKey: articles.titleKey,
        headlineKey: articles.headlineKey,
      })
      .from(articles)
      .where(eq(articles.id, articleId)),
    db
      .select({ slug: articleAuthors.authorSlug })
      .from(articleAuthors)
      .where(eq(articleAuthors.articleId, articleId)),
    db
      .select({ slug: articleTags.tagSlug })
      .from(articleTags)
      .where(eq(articleTags.articleId, articleId)),
  ])
  const row = rows[0]
  return {
    authorSlugs: authorRows.map((r) => r.slug),
    tagSlugs: tagRows.map((r) => r.slug),
    sortKey: row?.sortKey ?? '',
    month: (row?.sortKey ?? '').slice(0, 7),
    keys: [row?.titleKey, row?.headlineKey].filter((k): k is string => Boolean(k)),
  }
}

/** The keys an article's title and headline are matched on. */
export const matchKeys = (article: NormalizedArticle) => [
  ...new Set([slugify(article.title), slugify(article.headline)]),
]

/** Live articles (other than `exceptId`) with a related headline matching any of `keys`. */
export async function articlesLinkingTo(
  db: Db,
  keys: string[],
  exceptId: string,
): Promise<string[]> {
  const unique = [...new Set(keys)]
  if (unique.length === 0) return []
  const rows = await db
    .selectDistinct({ slug: articles.slug })
    .from(related)
    .innerJoin(articles, eq(articles.id, related.articleId))
    .where(
      and(inArray(related.titleKey, unique), isNull(articles.deletedAt), ne(articles.id, exceptId)),
    )
    .all()
  return rows.map((r) => r.slug)
}
