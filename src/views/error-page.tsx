import { Layout, renderDocument } from './layout'
import type { Site } from '../model/site'

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
      head={<meta name="robots" content="noindex" />}
    >
      <p class="kicker">Error {status}</p>
      <h1>{reason}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Back to the latest articles</a>
      </p>
    </Layout>,
  )
}
