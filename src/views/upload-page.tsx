import { Layout, renderDocument } from './layout'
import type { Site } from '../model/site'

/** One row of the results table. */
export interface UploadRow {
  name: string
  status: 'created' | 'updated' | 'unchanged' | 'failed'
  url?: string
  message?: string
}

export interface UploadPageProps {
  results?: UploadRow[]
  error?: string
}

const FORMATS = [
  ['text', 'Archive text'],
  ['markdown', 'Markdown'],
  ['html', 'HTML page'],
  ['json', 'JSON article'],
] as const

/**
 * A plain form that works without JavaScript: the token travels in the form (a browser form
 * cannot set an Authorization header), files and pasted text go to the same ingest path as the API.
 */
export function renderUploadPage(site: Site, { results, error }: UploadPageProps = {}): string {
  return renderDocument(
    <Layout site={site} title={`Upload | ${site.name}`} description="Upload articles.">
      <h1>Upload articles</h1>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {results && <Results rows={results} />}
      <form class="upload" method="post" action="/upload" enctype="multipart/form-data">
        <label>
          Ingest token
          <input type="password" name="token" required autocomplete="current-password" />
        </label>
        <label>
          Files (.txt, .json, .html, .md; several at once)
          <input type="file" name="files" multiple accept=".txt,.json,.html,.htm,.md,.markdown" />
        </label>
        <label>
          Or paste one article, as
          <select name="format">
            {FORMATS.map(([value, label]) => (
              <option value={value}>{label}</option>
            ))}
          </select>
        </label>
        <label>
          Text
          <textarea name="text" rows={10}></textarea>
        </label>
        <button type="submit">Upload</button>
      </form>
    </Layout>,
  )
}

function Results({ rows }: { rows: UploadRow[] }) {
  return (
    <table class="results">
      <caption>Results</caption>
      <thead>
        <tr>
          <th scope="col">Upload</th>
          <th scope="col">Result</th>
          <th scope="col">Article</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            <td class="path">{row.name}</td>
            <td>{row.status}</td>
            {row.url ? (
              <td class="path">
                <a href={row.url}>{row.url}</a>
              </td>
            ) : (
              <td>{row.message}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
