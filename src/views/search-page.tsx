import type { SearchResult } from '../model/api'
import { pageTitle } from './format'
import { Layout, renderDocument } from './layout'
import type { Site } from '../model/site'
import { SummaryMeta } from './summary-meta'

export interface SearchPageProps {
  query: string
  results: SearchResult[] | null
  nextCursor: string | null
}

/** Text with its matched ranges in <mark>, all of it escaped by hono/jsx. */
function Highlighted({ text, marks }: { text: string; marks: [number, number][] }) {
  const parts = []
  let at = 0
  for (const [start, end] of marks) {
    if (start > at) parts.push(text.slice(at, start))
    parts.push(<mark>{text.slice(start, end)}</mark>)
    at = end
  }
  parts.push(text.slice(at))
  return <>{parts}</>
}

export function renderSearchPage(
  site: Site,
  { query, results, nextCursor }: SearchPageProps,
): string {
  const title = pageTitle(query ? `“${query}” | Search` : 'Search', site.name)
  const next =
    nextCursor && `/search?q=${encodeURIComponent(query)}&cursor=${encodeURIComponent(nextCursor)}`
  return renderDocument(
    <Layout site={site} title={title} description={`Search ${site.name}.`} wide>
      <h1>Search</h1>
      <form class="upload" method="get" action="/search" role="search" aria-label="Articles">
        <label>
          Words or "a phrase"
          <input type="search" name="q" value={query} maxlength={200} />
        </label>
        <button type="submit">Search</button>
      </form>
      {results !== null &&
        (results.length === 0 ? (
          <p class="empty">No articles match “{query}”.</p>
        ) : (
          <ol class="articles">
            {results.map((r) => (
              <li>
                <article>
                  {r.kicker && <p class="kicker">{r.kicker}</p>}
                  <h2>
                    <a href={r.url}>{r.headline}</a>
                  </h2>
                  <SummaryMeta item={r} />
                  <p class="summary">
                    <Highlighted text={r.snippet} marks={r.marks} />
                  </p>
                </article>
              </li>
            ))}
          </ol>
        ))}
      {next && (
        <nav aria-label="More results">
          <a href={next} rel="next">
            More results →
          </a>
        </nav>
      )}
    </Layout>,
  )
}
