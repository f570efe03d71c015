import type { MonthCount } from '../model/archive'
import { MONTHS, monthPath } from './format'
import { Layout, renderDocument } from './layout'
import type { Site } from '../model/site'

/** Months grouped by year, newest first as given. */
function byYear(months: MonthCount[]): [string, MonthCount[]][] {
  const years = new Map<string, MonthCount[]>()
  for (const m of months) {
    const year = m.month.slice(0, 4)
    years.set(year, [...(years.get(year) ?? []), m])
  }
  return [...years]
}

const articlesCount = (n: number) => (n === 1 ? '1 article' : `${n} articles`)

/** /archive: every month that has a published article, by year, each linking to its page. */
export function renderArchivePage(months: MonthCount[], site: Site): string {
  return renderDocument(
    <Layout
      site={site}
      title={`Archive | ${site.name}`}
      description={`Every month of articles from ${site.name}.`}
      canonicalPath="/archive"
      wide
    >
      <h1>Archive</h1>
      {months.length === 0 ? (
        <p class="empty">No articles yet.</p>
      ) : (
        byYear(months).map(([year, list]) => (
          <section aria-labelledby={`year-${year}`}>
            <h2 id={`year-${year}`}>{year}</h2>
            <ul class="months">
              {list.map(({ month, count }) => (
                <li>
                  <a href={monthPath(month)}>
                    {MONTHS[Number(month.slice(5, 7)) - 1]} {year}
                  </a>{' '}
                  <span class="meta">({articlesCount(count)})</span>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </Layout>,
  )
}
