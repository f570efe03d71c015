import type { Db } from '../src/db/client'
import { revisionStatements, sourceStatements, type Statement } from '../src/db/revision-statements'
import { newId } from '../src/lib/hash'
import type { PreparedArticle } from './prepared-article'

/**
 * Every statement that storing one new article runs (article, children, revision, search index,
 * epochs, source), built by the app's own `revisionStatements`/`sourceStatements`: no parsing and
 * no reads, so no other articles' related links (`linkingArticles`) either.
 */
export function newArticleStatements(db: Db, item: PreparedArticle): Statement[] {
  const articleId = newId()
  const sourceId = newId()
  const { article } = item
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
        sortKey: article.publishedAt ?? new Date().toISOString(),
        // Found by a read in saveUpload; it only adds epoch bumps for other articles' pages.
        linkingArticles: [],
      },
      undefined,
    ),
    ...sourceStatements(db, {
      sourceId,
      articleId,
      sha256: item.sha256,
      upload: {
        format: item.format,
        contentType: item.contentType,
        bytes: new TextEncoder().encode(item.source),
        meta: {},
      },
    }),
  ]
}
