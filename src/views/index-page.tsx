import type { ArticleSummary } from '../model/article'
import { monthName, monthPath, pageTitle } from './format'
import { Layout, renderDocument, type PageFeeds } from './layout'
import type { Site } from '../model/site'
import { SummaryMeta } from './summary-meta'
import { headTag } from './head-tags'

/** A month page's neighbours: the nearest earlier and later months that have articles. */
export interface MonthNeighbours {
  previous: string | null
  next: string | null
}

export interface IndexPageOptions {
  /** The h1, e.g. an author's or a tag's name; the front page leaves it out. */
  heading?: string
  /** Path the listing lives at, which the next-page link adds its cursor to. Default `/`. */
  basePath?: string
  /** The cursor this page was requested with, so its canonical URL names it. */
  cursor?: string
  /** An author's or a tag's feeds, announced in the page's head. */
  feeds?: PageFeeds
  /** On a month's page: links to the months before and after it. */
  months?: MonthNeighbours
}

function MonthLinks({ months }: { months: MonthNeighbours }) {
  if (months.previous === null && months.next === null) return null
  return (
    <nav class="pager" aria-label="Other months">
      {months.previous !== null && (
        <a href={monthPath(months.previous)}>← {monthName(months.previous)}</a>
      )}
      <a href="/archive">All months</a>
      {months.next !== null && <a href={monthPath(months.next)}>{monthName(months.next)} →</a>}
    </nav>
  )
}

const pagePath = (basePath: string, cursor: string | undefined | null) =>
  cursor ? `${basePath}?cursor=${encodeURIComponent(cursor)}` : basePath

function Summary({ item }: { item: ArticleSummary }) {
  return (
    <article>
      {item.kicker && <p class="kicker">{item.kicker}</p>}
      <h2>
        <a href={item.url}>{item.headline}</a>
      </h2>
      <SummaryMeta item={item} />
      <p class="summary">{item.summary}</p>
    </article>
  )
}

export function renderIndexPage(
  items: ArticleSummary[],
  nextCursor: string | null,
  site: Site,
  opts: IndexPageOptions = {},
): string {
  const basePath = opts.basePath ?? '/'
  const next = nextCursor === null ? null : pagePath(basePath, nextCursor)
  return renderDocument(
    <Layout
      site={site}
      title={opts.heading === undefined ? site.name : pageTitle(opts.heading, site.name)}
      description={`${opts.heading ?? 'Latest articles'} from ${site.name}.`}
      canonicalPath={pagePath(basePath, opts.cursor)}
      feeds={opts.feeds}
      wide
      head={next !== null && headTag('link', { rel: 'next', href: next })}
    >
      <h1>{opts.heading ?? 'Latest articles'}</h1>
      {items.length === 0 ? (
        <p class="empty">No articles yet.</p>
      ) : (
        <ol class="articles">
          {items.map((item) => (
            <li>
              <Summary item={item} />
            </li>
          ))}
        </ol>
      )}
      {next !== null && (
        <nav aria-label="More articles">
          <a href={next} rel="next">
            Older articles →
          </a>
        </nav>
      )}
      {opts.months && <MonthLinks months={opts.months} />}
    </Layout>,
  )
}
