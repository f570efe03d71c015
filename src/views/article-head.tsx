import type { Article } from '../model/article'
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
  return (
    <>
      <link rel="alternate" type="application/json" href={articleApiPath(article.slug)} />
      <meta property="og:type" content="article" />
      <meta property="og:title" content={article.title} />
      <meta property="og:description" content={article.summary} />
      <meta property="og:url" content={absoluteUrl(site, article.url)} />
      <meta property="og:site_name" content={site.name} />
      {article.publishedAt !== null && (
        <meta property="article:published_time" content={article.publishedAt} />
      )}
      <meta property="article:modified_time" content={article.updatedAt} />
      {article.kicker !== null && <meta property="article:section" content={article.kicker} />}
      {article.authors.map((author) => (
        <meta property="article:author" content={absoluteUrl(site, authorPath(author.slug))} />
      ))}
      {article.tags.map((tag) => (
        <meta property="article:tag" content={tag.name} />
      ))}
      <JsonLd data={newsArticle(article, site)} />
    </>
  )
}
