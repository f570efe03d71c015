import { Parser } from 'htmlparser2'
import { overLimit } from '../errors'

// htmlparser2 keeps open elements in an array it shifts and searches from the front: thousands
// of unclosed tags cost it quadratic time. Markdown's HTML blocks have nowhere near this many.
export const MAX_HTML_TAGS = 5000

const HIDDEN = new Set(['script', 'style', 'template', 'noscript'])
const BLOCK = new Set(
  'address article aside blockquote dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul'.split(
    ' ',
  ),
)

export interface HtmlText {
  paragraphs: string[]
  captions: string[]
}

/**
 * The text of raw HTML in Markdown, never its markup: a paragraph per block element, each
 * `<figcaption>` (a Ghost image card's caption) as a caption, scripts and styles dropped.
 */
export function htmlText(html: string): HtmlText {
  if (html.split('<', MAX_HTML_TAGS + 2).length > MAX_HTML_TAGS + 1) {
    throw overLimit('HTML block', `${MAX_HTML_TAGS} tags`)
  }
  const out: HtmlText = { paragraphs: [], captions: [] }
  let text = ''
  let hidden = 0
  let caption = 0
  const flush = () => {
    if (text.trim() !== '') (caption > 0 ? out.captions : out.paragraphs).push(text)
    text = ''
  }
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hidden++
        else if (name === 'br') text += '\n'
        else if (BLOCK.has(name)) flush()
        if (name === 'figcaption') caption++
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1)
        else if (BLOCK.has(name)) flush()
        if (name === 'figcaption') caption = Math.max(0, caption - 1)
      },
      ontext(data) {
        if (hidden === 0) text += data
      },
    },
    { decodeEntities: true },
  )
  parser.end(html)
  flush()
  return out
}
