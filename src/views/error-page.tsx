import { Layout, renderDocument } from './layout'
import type { Site } from '../model/site'
import { headTag } from './head-tags'

const REASONS: Record<number, string> = {
  400: 'Bad request',
  404: 'Page not found',
  405: 'Method not allowed',
  410: 'Page gone',
}

export function renderErrorPage(status: number, message: string, site: Site): string {
  const reason = REASONS[status] ?? (status >= 500 ? 'Something went wrong' : 'Request failed')
  return renderDocument(
    <Layout
      site={site}
      title={`${reason} | ${site.name}`}
      description={message}
      head={headTag('meta', { name: 'robots', content: 'noindex' })}
    >
      <p class="kicker">Error {status}</p>
      <h1>{reason}</h1>
      <p>{message}</p>
      {status === 404 || status === 410 ? (
        <>
          <p>Search for it, or start from the latest articles or the archive.</p>
          <form class="upload" method="get" action="/search" role="search" aria-label="Articles">
            <label>
              Words or "a phrase"
              <input type="search" name="q" maxlength={200} />
            </label>
            <button type="submit">Search</button>
          </form>
          <ul>
            <li>
              <a href="/">The latest articles</a>
            </li>
            <li>
              <a href="/archive">The archive by month</a>
            </li>
          </ul>
        </>
      ) : (
        <p>
          <a href="/">Back to the latest articles</a>
        </p>
      )}
    </Layout>,
  )
}
