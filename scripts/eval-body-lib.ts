import type { NormalizedArticle } from '../src/model/article'

/** The body as the benchmark writes `articleBody`: one paragraph, heading, quote or item a line. */
export function articleBody(article: NormalizedArticle): string {
  const lines = article.body.flatMap((b) =>
    b.type === 'list' ? b.items : b.type === 'figure' ? [] : [b.text],
  )
  if (article.dateline && lines.length > 0) lines[0] = `${article.dateline} — ${lines[0]}`
  return lines.join('\n')
}
