import { syntheticPost } from '../generate-articles'

export type Format = 'json' | 'text'

/** An upload ready to send, and the title it must be stored with. */
export interface Draft {
  path: string
  contentType: string
  body: string
  title: string
}

const KICKERS = ['CITY', 'NATION', 'WORLD', 'BUSINESS']
const AUTHORS = ['Ana Ruiz', 'Ned Parker', 'Jane Doe', 'Shelby Grad']
const TEXT = 'text/plain; charset=utf-8'

/** A title unique to this run and label; the kicker (and so the first tag) varies with `n`. */
export const loadTitle = (run: string, label: string, n: number) =>
  `${KICKERS[n % KICKERS.length]}: Load run ${run} ${label}`

/** A generated post as it was seeded: the same bytes every time. */
export const generatedDraft = (index: number): Draft => {
  const body = syntheticPost(index)
  return { path: '/api/articles', contentType: TEXT, body, title: body.split('\n')[0]! }
}

/**
 * An article under `title` whose text is generated post `n`: archive text, or JSON with the same
 * paragraphs. With `sourceUrl`, that URL is its identity, so new content makes a new revision.
 */
export function draft(format: Format, title: string, n: number, sourceUrl?: string): Draft {
  const [, ...rest] = syntheticPost(n).split('\n')
  if (format === 'text') {
    const query = sourceUrl ? `?sourceUrl=${encodeURIComponent(sourceUrl)}` : ''
    return {
      path: `/api/articles${query}`,
      contentType: TEXT,
      body: [title, ...rest].join('\n'),
      title,
    }
  }
  const paragraphs = rest
    .join('\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.startsWith('--'))
  const article = {
    title,
    body: paragraphs,
    authors: [AUTHORS[n % AUTHORS.length]!],
    publishedAt: `2011-${String((n % 12) + 1).padStart(2, '0')}-15`,
    tags: ['load test'],
    ...(sourceUrl ? { sourceUrl } : {}),
  }
  return {
    path: '/api/articles',
    contentType: 'application/json',
    body: JSON.stringify(article),
    title,
  }
}
