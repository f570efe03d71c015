/**
 * WordPress shortcodes in a post's stored content. `[caption]` becomes a `<figure>` with a
 * `<figcaption>`; the content of media shortcodes (`[embed]https://…[/embed]`) goes with them;
 * every other shortcode tag is dropped and what it encloses kept (page builders wrap real text).
 * Bracketed words that are not shortcodes (`[sic]`, `[1]`, `[Update: …]`) stay: a tag is taken
 * for a shortcode when it is a closing tag, has attributes, is self-closing, has a `_` or `-` in
 * its name (plugins' names), or is one of the names below.
 */
export function expandShortcodes(content: string): string {
  let html = captions(content)
  for (const name of MEDIA) html = dropEnclosed(html, name)
  return html.replace(TAG, (tag, slash: string, name: string, rest: string) =>
    slash || KNOWN.has(name.toLowerCase()) || /[_-]/.test(name) || /=|\/\s*$/.test(rest) ? '' : tag,
  )
}

const MEDIA = ['embed', 'video', 'audio', 'playlist']
const KNOWN = new Set([
  ...MEDIA,
  ...'caption gallery archives sitemap youtube vimeo tweet instagram soundcloud googlemaps slideshow polldaddy recipe'.split(
    ' ',
  ),
])
// `[^[\]]` keeps every attempt within one bracket pair: linear in the content's length.
const TAG = /\[(\/?)([A-Za-z][\w-]*)((?:\s[^[\]]*)?)\]/g
// An embed's URL or a player's fallback link; longer content is prose, and stays.
const MAX_ENCLOSED = 2048

/** `[name …]…[/name]` removed with its content when that content is short. */
function dropEnclosed(text: string, name: string): string {
  const open = `[${name}`
  const close = `[/${name}]`
  let out = ''
  let at = 0
  let closeAt = -1
  for (let start = text.indexOf(open); start >= 0; start = text.indexOf(open, start + 1)) {
    if (start < at || !/[\s\]]/.test(text[start + open.length] ?? '')) continue
    if (closeAt < start) closeAt = text.indexOf(close, start)
    if (closeAt < 0) break
    if (closeAt - start > MAX_ENCLOSED) continue
    out += text.slice(at, start)
    at = closeAt + close.length
  }
  return out + text.slice(at)
}

const CAPTION = /\[(wp_)?caption[\s\]]/g
// What WordPress's img_caption_shortcode takes for the picture: an image, maybe in a link.
const PICTURE = /^\s*((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i

/** `[caption …]<img …> Text[/caption]` (or `caption="Text"`) as a one-line `<figure>`. */
function captions(text: string): string {
  let out = ''
  let at = 0
  const openers = new RegExp(CAPTION)
  const closers = new Map<string, number>()
  let openEnd = -1
  for (let match = openers.exec(text); match; match = openers.exec(text)) {
    const start = match.index
    const close = `[/${match[1] ?? ''}caption]`
    // Each `]` and closer is looked for again only once an opener passes it: linear in the text.
    if (openEnd < start) openEnd = text.indexOf(']', start)
    if (openEnd < 0) break
    let closeAt = closers.get(close)
    if (closeAt === undefined || (closeAt >= 0 && closeAt < openEnd)) {
      closeAt = text.indexOf(close, openEnd)
      closers.set(close, closeAt)
    }
    if (closeAt < 0) continue
    const inner = text.slice(openEnd + 1, closeAt)
    const picture = PICTURE.exec(inner)
    const attribute = /\scaption\s*=\s*"([^"]*)"/i.exec(text.slice(start, openEnd))
    const caption = (picture ? picture[2]! : inner).trim() || attribute?.[1] || ''
    const figure = `<figure>${picture?.[1] ?? ''}<figcaption>${caption}</figcaption></figure>`
    out += text.slice(at, start) + figure.replace(/\s+/g, ' ')
    at = closeAt + close.length
    openers.lastIndex = at
  }
  return out + text.slice(at)
}
