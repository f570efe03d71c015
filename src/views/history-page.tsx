import type { RevisionInfo } from '../model/api'
import type { Article } from '../model/article'
import type { Site } from '../model/site'
import { formatDate, pageTitle } from './format'
import { Layout, renderDocument } from './layout'
import { headTag } from './head-tags'

const REASONS: Record<RevisionInfo['reason'], string> = {
  upload: 'new text',
  renormalize: 'read again by a newer parser',
  status: 'published',
  restore: 'an earlier text restored',
}

/**
 * /articles/:slug/revisions: the versions readers may see, newest first, each with its page and
 * what changed since the one before it.
 */
export function renderHistoryPage(article: Article, revisions: RevisionInfo[], site: Site) {
  return renderDocument(
    <Layout
      site={site}
      title={pageTitle(`Versions: ${article.title}`, site.name)}
      description={`Every version of “${article.headline}”.`}
      canonicalPath={`${article.url}/revisions`}
      head={headTag('meta', { name: 'robots', content: 'noindex, follow' })}
    >
      <h1>Versions of “{article.headline}”</h1>
      <ol class="history" reversed>
        {revisions.map((r, i) => {
          const older = revisions[i + 1]
          const when = formatDate(r.createdAt) ?? r.createdAt
          const current = r.revision === article.revision
          return (
            <li value={String(r.revision)}>
              <a href={current ? article.url : `${article.url}/revisions/${r.revision}`}>
                Revision {r.revision}
              </a>
              {current && ' (current)'}, <time datetime={r.createdAt}>{when}</time>:{' '}
              {REASONS[r.reason]}
              {older && (
                <>
                  {' · '}
                  <a
                    href={`/api/articles/${article.slug}/diff?from=${older.revision}&to=${r.revision}`}
                  >
                    what changed
                  </a>
                </>
              )}
            </li>
          )
        })}
      </ol>
    </Layout>,
  )
}
