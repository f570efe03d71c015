import { createCorpus } from './corpus'

/**
 * A ~250 KB news page when `../shared/corpus/html` is not there: what a saved article page
 * carries around its text (head metadata, JSON-LD, navigation, scripts, related links, footer).
 */
export function generatedNewsPage(): string {
  const corpus = createCorpus(9)
  const post = corpus.next()
  const nav = Array.from(
    { length: 60 },
    (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`,
  )
  const related = Array.from({ length: 40 }, () => {
    const other = corpus.next()
    return `<li class="card"><a href="/story/${encodeURIComponent(other.title)}"><img src="/img/x.jpg" alt=""><span>${other.title}</span></a><p>${other.paragraphs[0]}</p></li>`
  })
  const script = `<script>window.__STATE__=${JSON.stringify({ items: Array.from({ length: 120 }, () => corpus.next()) })}</script>`
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${post.title}</title>
<meta property="og:title" content="${post.title}"><meta name="author" content="${post.authors.join(', ')}">
<meta property="article:published_time" content="2011-09-22T10:00:00Z">
<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: post.title })}</script>
</head><body><header><nav><ul>${nav.join('')}</ul></nav></header>
<main><article><h1>${post.title}</h1><p class="byline">By ${post.authors.join(' and ')}</p>
${post.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<aside><h2>More stories</h2><ul>${related.join('\n')}</ul></aside></main>
<footer>${nav.join('')}</footer>${script}</body></html>`
}
