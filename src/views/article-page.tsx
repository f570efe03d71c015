import type { Article, Named, RelatedLink } from '../model/article'
import { ArticleBody } from './article-body'
import { ArticleHead } from './article-head'
import { Byline, PublishedDate } from './byline'
import { formatDate } from './format'
import { Layout, renderDocument } from './layout'
import { safeHref, tagPath } from './paths'
import type { Site } from '../model/site'

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
      <ul class="tags" aria-label="Tags">
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

export function renderArticlePage(article: Article, site: Site): string {
  return renderDocument(
    <Layout
      site={site}
      title={`${article.title} | ${site.name}`}
      description={article.summary}
      canonicalPath={article.url}
      head={<ArticleHead article={article} site={site} />}
    >
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
            {Math.max(1, article.readingMinutes)} min read
          </p>
        </header>
        <Notices notices={article.notices} />
        <ArticleBody blocks={article.body} dateline={article.dateline} />
        <Captions captions={article.captions} />
        <Related links={article.related} />
        <Tags tags={article.tags} />
      </article>
    </Layout>,
  )
}
