import type { ArticleSummary } from '../model/article'
import { Byline, PublishedDate, ReadingTime } from './byline'
import { formatDate } from './format'

/**
 * The line under a headline in a listing, in the article page's words:
 * `By Ana Ruiz · 22 September 2011 · 4 min read`. Every part but the reading time may be absent.
 */
export function SummaryMeta({ item }: { item: ArticleSummary }) {
  const dated = item.publishedAt !== null && formatDate(item.publishedAt) !== null
  return (
    <p class="meta">
      {item.authors.length > 0 && (
        <>
          <Byline authors={item.authors} />
          {' · '}
        </>
      )}
      {dated && (
        <>
          <PublishedDate iso={item.publishedAt} />
          {' · '}
        </>
      )}
      <ReadingTime minutes={item.readingMinutes} />
    </p>
  )
}
