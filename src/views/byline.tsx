import type { Named } from '../model/article'
import { formatDate, listSeparator } from './format'
import { authorPath } from './paths'

/** `By A, B and C`, each name a link to the author's page; nothing when there are no authors. */
export function Byline({ authors }: { authors: Named[] }) {
  if (authors.length === 0) return null
  return (
    <>
      By{' '}
      {authors.map((author, i) => (
        <>
          {listSeparator(i, authors.length)}
          <a href={authorPath(author.slug)} rel="author">
            {author.name}
          </a>
        </>
      ))}
    </>
  )
}

export function PublishedDate({ iso }: { iso: string | null }) {
  const human = iso === null ? null : formatDate(iso)
  if (iso === null || human === null) return null
  return <time datetime={iso}>{human}</time>
}

/** How long the article takes to read, as the reader says it: `4 min read`. */
export const ReadingTime = ({ minutes }: { minutes: number }) => (
  <>{Math.max(1, minutes)} min read</>
)
