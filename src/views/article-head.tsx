import type { Article } from '../model/article'
import { headTag, headTags } from './head-tags'
import { JsonLd } from './json-ld'
import { absoluteUrl, articleApiPath, authorPath } from './paths'
import type { Site } from '../model/site'

/** schema.org NewsArticle; JSON.stringify drops the fields left undefined. */
export function newsArticle(article: Article, site: Site) {
  const url = absoluteUrl(site, article.url)
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    alternativeHeadline: article.title !== article.headline ? article.title : undefined,
    description: article.summary,
    datePublished: article.publishedAt ?? undefined,
    dateModified: article.updatedAt,
    author: article.authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: absoluteUrl(site, authorPath(author.slug)),
    })),
    articleSection: article.kicker ?? undefined,
    keywords: article.tags.length > 0 ? article.tags.map((tag) => tag.name) : undefined,
    wordCount: article.wordCount,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    publisher: { '@type': 'Organization', name: site.name, url: absoluteUrl(site, '/') },
    isBasedOn: article.source.url ?? undefined,
  }
}

/** Head content of an article page: OpenGraph, the JSON alternate, and JSON-LD. */
export function ArticleHead({ article, site }: { article: Article; site: Site }) {
  const property = (name: string, content: string) => headTag('meta', { property: name, content })
  return (
    <>
      {headTags([
        headTag('link', {
          rel: 'alternate',
          type: 'application/json',
          href: articleApiPath(article.slug),
        }),
        property('og:type', 'article'),
        property('og:title', article.title),
        property('og:description', article.summary),
        property('og:url', absoluteUrl(site, article.url)),
        property('og:site_name', site.name),
        ...(article.publishedAt !== null
          ? [property('article:published_time', article.publishedAt)]
          : []),
        property('article:modified_time', article.updatedAt),
        ...(article.kicker !== null ? [property('article:section', article.kicker)] : []),
        ...article.authors.map((author) =>
          property('article:author', absoluteUrl(site, authorPath(author.slug))),
        ),
        ...article.tags.map((tag) => property('article:tag', tag.name)),
      ])}
      <JsonLd data={newsArticle(article, site)} />
    </>
  )
}
