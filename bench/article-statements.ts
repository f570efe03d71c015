import { invalidate } from '../src/cache/invalidate'
import { scopesForArticle } from '../src/cache/scopes'
import {
  linksOf,
  newArticlesStatements,
  revisionStatements,
  sourceStatements,
  type NewRevision,
} from '../src/db/article-statements'
import type { Db, Statement } from '../src/db/client'
import { originalKey } from '../src/blobs/originals'
import { newId } from '../src/lib/hash'
import type { PreparedArticle } from './prepared-article'

/**
 * Every statement that storing one new article runs (article, children, revision, search index,
 * epochs, source), built by the app's own statement builders: no parsing and no reads, so no
 * other articles' related links either (a read in the write service finds those).
 */
export function newArticleStatements(db: Db, item: PreparedArticle): Statement[] {
  const articleId = newId()
  const sourceId = newId()
  const { article } = item
  const sortKey = article.publishedAt ?? new Date().toISOString()
  return [
    ...revisionStatements(
      db,
      {
        articleId,
        identity: item.identity,
        slug: article.slug,
        revision: 1,
        reason: 'upload',
        sourceId,
        fingerprint: item.fingerprint,
        article,
        sortKey,
        publication: { status: 'published', publishAt: null },
      },
      undefined,
    ),
    ...invalidate(db, scopesForArticle(article.slug, [linksOf(article, sortKey)])),
    ...sourceStatements(db, [
      {
        sourceId,
        articleId,
        sha256: item.sha256,
        r2Key: originalKey(item.sha256),
        // The bench's articles ask no status of their own.
        asked: null,
        upload: {
          format: item.format,
          contentType: item.contentType,
          bytes: new TextEncoder().encode(item.source),
          meta: {},
        },
      },
    ]),
  ]
}

/**
 * Every statement that storing new articles as one group runs, merged as the app's grouped
 * writer merges them (rows of a table in as few inserts as the parameter limit allows), with
 * their sources and epochs; no reads, no R2: the D1 floor of a grouped batch.
 */
export function newGroupStatements(db: Db, items: PreparedArticle[]): Statement[] {
  const news: NewRevision[] = items.map((item) => ({
    articleId: newId(),
    identity: item.identity,
    slug: null,
    revision: 1,
    reason: 'upload',
    sourceId: newId(),
    fingerprint: item.fingerprint,
    article: item.article,
    publication: { status: 'published' as const, publishAt: null },
    sortKey: item.article.publishedAt ?? new Date().toISOString(),
  }))
  return [
    ...newArticlesStatements(db, news),
    ...sourceStatements(
      db,
      news.map((n, i) => ({
        sourceId: n.sourceId,
        articleId: n.articleId,
        sha256: items[i]!.sha256,
        r2Key: originalKey(items[i]!.sha256),
        asked: null,
        upload: {
          format: items[i]!.format,
          contentType: items[i]!.contentType,
          bytes: new TextEncoder().encode(items[i]!.source),
          meta: {},
        },
      })),
    ),
    ...invalidate(
      db,
      news.flatMap((n) => scopesForArticle(null, [linksOf(n.article, n.sortKey)])),
    ),
  ]
}
