import type { Article, Named, RelatedLink } from '../model/article'
import { ArticleBody } from './article-body'
import { ArticleHead } from './article-head'
import { Byline, PublishedDate, ReadingTime } from './byline'
import { formatDate, pageTitle } from './format'
import { Layout, renderDocument } from './layout'
import { safeHref, tagPath } from './paths'
import type { Site } from '../model/site'
import { headTag } from './head-tags'

/** The kicker links to its tag: the normalizer makes it the first tag, but match it by name. */
function Kicker({ kicker, tags }: { kicker: string | null; tags: Named[] }) {
  if (!kicker) return null
  const name = kicker.toLowerCase()
  const tag = tags.find((t) => t.name.toLowerCase() === name)
  return <p class="kicker">{tag ? <a href={tagPath(tag.slug)}>{kicker}</a> : kicker}</p>
}

function Notices({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null
  return (
    <aside class="notice" role="note">
      {notices.map((notice) => (
        <p>{notice}</p>
      ))}
    </aside>
  )
}

/** Archive captions whose photos were not kept: shown as a quiet note, not as figures. */
function Captions({ captions }: { captions: string[] }) {
  if (captions.length === 0) return null
  return (
    <section class="captions" aria-labelledby="captions-title">
      <h2 id="captions-title">Photo captions</h2>
      <ul>
        {captions.map((caption) => (
          <li>{caption}</li>
        ))}
      </ul>
    </section>
  )
}

function Related({ links }: { links: RelatedLink[] }) {
  if (links.length === 0) return null
  return (
    <aside class="related" aria-labelledby="related-title">
      <h2 id="related-title">Related</h2>
      <ul>
        {links.map((link) => {
          const href = safeHref(link.url)
          return <li>{href === null ? link.title : <a href={href}>{link.title}</a>}</li>
        })}
      </ul>
    </aside>
  )
}

function Tags({ tags }: { tags: Named[] }) {
  if (tags.length === 0) return null
  return (
    <footer>
      <h2 class="visually-hidden">Tags</h2>
      <ul class="tags">
        {tags.map((tag) => (
          <li>
            <a href={tagPath(tag.slug)} rel="tag">
              {tag.name}
            </a>
          </li>
        ))}
      </ul>
    </footer>
  )
}

/** A preview of the page, shown to whoever holds a private link until `expiresAt`. */
export interface Preview {
  expiresAt: string
}

/** An earlier revision shown as a page: which one, and which is current. */
export interface EarlierVersion {
  revision: number
  createdAt: string
  current: number
}

/** What a page of the article is besides the current version: a preview, or an earlier one. */
export type ArticleView = { preview: Preview } | { earlier: EarlierVersion } | null

/** `12 December 2026 at 09:30 UTC`. */
function Moment({ iso }: { iso: string }) {
  const day = formatDate(iso)
  if (day === null) return <>{iso}</>
  return <time datetime={iso}>{`${day} at ${iso.slice(11, 16)} UTC`}</time>
}

/** What the preview shows that readers will not see: whether, and when, they can. */
function PreviewBanner({ article, preview }: { article: Article; preview: Preview }) {
  return (
    <aside class="notice preview" role="note" aria-label="Preview">
      <p>
        <strong>Preview.</strong>{' '}
        {article.status === 'published' ? (
          'This article is published; this is how it looks now.'
        ) : article.status === 'scheduled' && article.publishAt !== null ? (
          <>
            This article is scheduled: readers see it from <Moment iso={article.publishAt} />.
          </>
        ) : (
          'This article is a draft: readers cannot see it.'
        )}
      </p>
      <p>
        Anyone with this link can see it until <Moment iso={preview.expiresAt} />; do not share it
        further.
      </p>
    </aside>
  )
}

/** An earlier version says so first, and leads to the current one and the history. */
function EarlierBanner({ article, earlier }: { article: Article; earlier: EarlierVersion }) {
  return (
    <aside class="notice earlier" role="note" aria-label="Earlier version">
      <p>
        {earlier.revision === earlier.current ? (
          <>
            <strong>The current version.</strong> This is revision {earlier.revision}, from{' '}
            <Moment iso={earlier.createdAt} />. <a href={article.url}>Read it on its page</a>{' '}
            or{' '}
          </>
        ) : (
          <>
            <strong>An earlier version.</strong> This is revision {earlier.revision}, from{' '}
            <Moment iso={earlier.createdAt} />; the article has changed since.{' '}
            <a href={article.url}>Read the current version</a> or{' '}
          </>
        )}
        <a href={`${article.url}/revisions`}>see every version</a>.
      </p>
    </aside>
  )
}

/**
 * The article's page; with a `view`, the same page with a banner saying what it is (a preview,
 * an earlier version), never indexed.
 */
export function renderArticlePage(article: Article, site: Site, view: ArticleView = null): string {
  const preview = view && 'preview' in view ? view.preview : null
  const earlier = view && 'earlier' in view ? view.earlier : null
  return renderDocument(
    <Layout
      site={site}
      title={pageTitle(article.title, site.name)}
      description={article.summary}
      canonicalPath={article.url}
      head={
        <>
          {view && headTag('meta', { name: 'robots', content: 'noindex, nofollow' })}
          <ArticleHead article={article} site={site} />
        </>
      }
    >
      {preview && <PreviewBanner article={article} preview={preview} />}
      {earlier && <EarlierBanner article={article} earlier={earlier} />}
      <article>
        <header>
          <Kicker kicker={article.kicker} tags={article.tags} />
          <h1>{article.headline}</h1>
          {article.authors.length > 0 && (
            <p class="byline">
              <Byline authors={article.authors} />
            </p>
          )}
          <p class="meta">
            {article.publishedAt !== null && formatDate(article.publishedAt) !== null && (
              <>
                <PublishedDate iso={article.publishedAt} />
                {' · '}
              </>
            )}
            <ReadingTime minutes={article.readingMinutes} />
          </p>
        </header>
        <Notices notices={article.notices} />
        <ArticleBody blocks={article.body} dateline={article.dateline} image={article.image} />
        <Captions captions={article.captions} />
        <Related links={article.related} />
        <Tags tags={article.tags} />
        {!earlier && article.revision > 1 && (
          <p class="history">
            <a href={`${article.url}/revisions`}>Earlier versions</a>
          </p>
        )}
      </article>
    </Layout>,
  )
}
