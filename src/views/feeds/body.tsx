import type { Article, Block } from '../../model/article'
import { ArticleBody } from '../article-body'

/**
 * The body as the article page shows it (same markup, dateline, links and figures included),
 * escaped by hono/jsx; links to this site's pages made absolute against `origin`.
 */
export function bodyHtml(article: Article, origin: string): string {
  const html: string | Promise<string> = (
    <ArticleBody blocks={article.body} dateline={article.dateline} origin={origin} />
  ).toString()
  if (typeof html !== 'string') throw new Error('the article body rendered asynchronously')
  return html
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
      return block.text
    case 'list':
      return block.items
        .map((item, i) => (block.ordered ? `${i + 1}. ${item}` : `• ${item}`))
        .join('\n')
    case 'figure':
      return block.text
  }
}

/** The body as plain text, blocks a blank line apart, the dateline opening the first paragraph. */
export function bodyText(article: Article): string {
  const blocks = article.body.map(blockText)
  const first = article.body.findIndex((block) => block.type === 'paragraph')
  if (article.dateline && first === -1) blocks.unshift(`${article.dateline} —`)
  else if (article.dateline) blocks[first] = `${article.dateline} — ${blocks[first]}`
  // A figure without a caption has no text.
  return blocks.filter((text) => text !== '').join('\n\n')
}
