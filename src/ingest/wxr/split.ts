import { XmlScanner } from './scan'
import { TextField } from './text-field'

export type WxrEvent =
  /** A `<wp:author>` of the channel: `login` is what items name in `<dc:creator>`. */
  | { kind: 'author'; login: string; name: string }
  /**
   * One `<item>`: `xml` is exactly `input.slice(start, end)`, from its `<item` to just past its
   * `</item>`, CDATA intact. `guid`: the `<guid>` text, else `<wp:post_id>`, else null.
   * `author`: the name of the author its `<dc:creator>` login names, when the channel listed
   * that login before the item (WordPress lists every author first); else null.
   */
  | {
      kind: 'item'
      xml: string
      guid: string | null
      author: string | null
      start: number
      end: number
    }
  /** Something that cannot be read: an item cut off or left unclosed, or the whole file. */
  | { kind: 'broken'; start: number; reason: string }

// Logins, names and guids are short; a longer one is cut rather than held.
const MAX_FIELD_CHARS = 2000
const WP_NAMESPACE = /\sxmlns:wp\s*=\s*["']https?:\/\/wordpress\.org\/export\/[\d.]+\/?["']/
// A site with PHP's display_errors on prints notices (`<br />\n<b>Warning</b>: …`) before the XML.
const PHP_NOTICE = new Set(['br', 'b'])

/**
 * A WordPress export (WXR) in chunks of any size: each `write()` returns the events completed so
 * far, in document order; `end()` the rest. Offsets are UTF-16 code units (string indices) of the
 * whole input. Between writes it holds the item being read and at most one cut tag, never more
 * (`bufferedChars`). It never throws on any input: what it cannot read is a `broken` event.
 */
export class WxrSplitter {
  private readonly scanner: XmlScanner
  private events: WxrEvent[] = []
  private root: 'none' | 'open' | 'closed' = 'none'
  private item: number | null = null
  private author: Map<string, string> | null = null
  private readonly names = new Map<string, string>()
  private ids = new Map<string, string>()
  private field: { name: string; text: TextField } | null = null
  private stopped = false

  constructor() {
    this.scanner = new XmlScanner({
      open: (name, tag, start) => this.open(name, tag, start),
      close: (name, start, end, proper) => this.close(name, start, end, proper),
      text: (raw) => this.field?.text.text(raw),
      cdata: (text) => this.field?.text.cdata(text),
      fail: (at, reason) => this.stop(at, reason),
    })
  }

  get bufferedChars(): number {
    return this.scanner.bufferedChars
  }

  write(chunk: string): WxrEvent[] {
    this.scanner.write(chunk)
    return this.take()
  }

  end(): WxrEvent[] {
    const inside = this.scanner.end()
    const where = inside ? ` (inside ${inside})` : ''
    if (this.stopped) return this.take()
    if (this.item !== null) {
      this.broken(this.item, `the file ends inside this <item>${where}: it was cut off`)
    } else if (this.root === 'none') {
      this.broken(0, 'no <rss> element: not a WordPress export')
    } else if (this.root === 'open') {
      this.broken(this.scanner.offset, `the file ends before </rss>${where}: it was cut off`)
    }
    return this.take()
  }

  private take(): WxrEvent[] {
    const events = this.events
    this.events = []
    return events
  }

  private open(name: string, tag: string, start: number): void {
    const path = this.scanner.path
    if (path.length === 0) {
      if (this.root === 'closed') return this.stop(start, `<${name}> after </rss>`)
      if (this.root === 'none' && name === 'rss') {
        if (!WP_NAMESPACE.test(tag)) {
          return this.stop(start, 'an RSS feed without the wp: namespace: not a WordPress export')
        }
        this.root = 'open'
      } else if (!PHP_NOTICE.has(name)) {
        return this.stop(start, `the root element is <${name}>, not <rss>: not a WordPress export`)
      }
    }
    // Items never nest: an <item> inside one means the one before lost its </item>.
    if (name === 'item' && this.item !== null) this.scanner.unwind(2, start)
    const inChannel = path[0] === 'rss' && path[1] === 'channel'
    if (inChannel && path.length === 2 && name === 'item') {
      this.item = start
      this.ids.clear()
      this.scanner.startTape(start)
    } else if (inChannel && path.length === 2 && name === 'wp:author') {
      this.author = new Map()
    } else if (inChannel && path.length === 3 && this.wants(name)) {
      this.field = { name, text: new TextField(MAX_FIELD_CHARS) }
    }
  }

  private wants(name: string): boolean {
    if (this.item !== null) return name === 'guid' || name === 'wp:post_id' || name === 'dc:creator'
    return this.author !== null && name.startsWith('wp:author_')
  }

  private close(name: string, start: number, end: number, proper: boolean): void {
    const depth = this.scanner.path.length
    if (depth === 4 && this.field) {
      const value = this.field.text.value().trim()
      ;(this.item !== null ? this.ids : this.author)?.set(this.field.name, value)
      this.field = null
    } else if (depth === 3 && this.item !== null) {
      if (proper) this.emitItem(end)
      else this.broken(this.item, `this <item> has no </item>: what follows at ${start} ends it`)
      this.item = null
      this.scanner.dropTape()
    } else if (depth === 3 && this.author) {
      if (proper) this.emitAuthor(this.author)
      this.author = null
    } else if (depth === 1 && name === 'rss') {
      this.root = 'closed'
    }
  }

  private emitItem(end: number): void {
    const start = this.item!
    const guid = this.ids.get('guid') || this.ids.get('wp:post_id') || null
    const author = this.names.get(this.ids.get('dc:creator') ?? '') ?? null
    this.events.push({ kind: 'item', xml: this.scanner.takeTape(end), guid, author, start, end })
  }

  private emitAuthor(fields: Map<string, string>): void {
    const login = fields.get('wp:author_login') ?? ''
    if (login === '') return
    const full = [fields.get('wp:author_first_name'), fields.get('wp:author_last_name')]
    const name = fields.get('wp:author_display_name') || full.filter((n) => n).join(' ') || login
    // Authors are few (one per account), and items name them by login.
    this.names.set(login, name)
    this.events.push({ kind: 'author', login, name })
  }

  private broken(start: number, reason: string): void {
    this.events.push({ kind: 'broken', start, reason })
  }

  /** The rest cannot be read: one broken event, and nothing after it. */
  private stop(start: number, reason: string): void {
    this.broken(this.item ?? start, reason)
    this.stopped = true
    this.scanner.stop()
    this.item = null
  }
}
