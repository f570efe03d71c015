import { Window } from './window'

/** What the scanner reports, in document order. Offsets count from the start of the input. */
export interface XmlHandler {
  /** A start tag (`tag`: as written), before it is pushed on `path`. */
  open(name: string, tag: string, start: number, end: number): void
  /**
   * An element ends while still on top of `path`: `proper` when its own end tag (or `/>`) ends
   * it; not when an ancestor's end tag or `unwind` does. `start`/`end`: that tag's offsets.
   */
  close(name: string, start: number, end: number, proper: boolean): void
  /** Character data as written (entities not decoded), possibly in several pieces. */
  text(raw: string): void
  /** The content of a CDATA section, possibly in several pieces. */
  cdata(text: string): void
  /** The input cannot be read on; nothing more is reported. */
  fail(at: number, reason: string): void
}

// No tag in an export comes near these; past them the input is not what this reads.
const MAX_TAG_CHARS = 16_384
const MAX_DEPTH = 256

type Mode = 'text' | 'markup' | 'tag' | 'cdata' | 'comment' | 'pi' | 'decl'
const CLOSERS = { cdata: ']]>', comment: '-->', pi: '?>', decl: '>' } as const
const OPENERS = { cdata: '<![CDATA[', comment: '<!--', pi: '<?', decl: '<!' } as const
const NAME_START = /[\p{L}_:]/u

/**
 * A forgiving streaming XML tokenizer: elements, text, CDATA; comments, processing instructions
 * and declarations skipped (a DOCTYPE's internal subset is not read). An end tag closes the
 * nearest open element of its name and those inside it; one matching nothing is ignored.
 */
export class XmlScanner extends Window {
  private mode: Mode = 'text'
  /** In a tag: the offset where the search for its `>` resumes, and the open quote there. */
  private from = 0
  private quote = ''
  private readonly stack: string[] = []

  constructor(private readonly handler: XmlHandler) {
    super()
  }

  /** Names of the open elements, outermost first. */
  get path(): readonly string[] {
    return this.stack
  }

  /** Closes open elements until `depth` remain, as if at `at`. */
  unwind(depth: number, at: number): void {
    while (this.stack.length > depth) {
      this.handler.close(this.stack.at(-1)!, at, at, false)
      this.stack.pop()
    }
  }

  /** Ends the input: a description of the markup it ends inside, or null. */
  end(): string | null {
    this.finish()
    if (this.stopped || this.mode === 'text') return null
    return this.mode === 'markup' || this.mode === 'tag' ? 'a tag' : `a ${this.mode}`
  }

  protected scan(): void {
    while (!this.stopped && this.pos < this.buf.length && this.step());
  }

  /** Reads one token or piece of one; false when it needs more input. */
  private step(): boolean {
    const buf = this.buf
    const i = this.pos
    switch (this.mode) {
      case 'text': {
        const lt = buf.indexOf('<', i)
        const stop = lt < 0 ? buf.length : lt
        if (stop > i) this.handler.text(buf.slice(i, stop))
        this.pos = stop
        if (lt >= 0) this.mode = 'markup'
        return lt >= 0
      }
      case 'markup':
        return this.classify()
      case 'tag':
        return this.tag()
      default: {
        const closer = CLOSERS[this.mode]
        const at = buf.indexOf(closer, i)
        // Keep what could be the start of the closer for the next chunk.
        const stop = at < 0 ? Math.max(i, buf.length - closer.length + 1) : at
        if (this.mode === 'cdata' && stop > i) this.handler.cdata(buf.slice(i, stop))
        this.pos = at < 0 ? stop : at + closer.length
        if (at >= 0) this.mode = 'text'
        return at >= 0
      }
    }
  }

  private classify(): boolean {
    const buf = this.buf
    const second = buf[this.pos + 1]
    if (second === '!') {
      const head = buf.slice(this.pos, this.pos + OPENERS.cdata.length)
      for (const mode of ['cdata', 'comment'] as const) {
        if (head.startsWith(OPENERS[mode])) return this.enter(mode)
        if (OPENERS[mode].startsWith(head)) return false
      }
      return this.enter('decl')
    }
    if (second === '?') return this.enter('pi')
    const first = second === '/' ? buf[this.pos + 2] : second
    if (first === undefined) return false
    if (NAME_START.test(first)) {
      this.mode = 'tag'
      this.from = this.base + this.pos + 1
      this.quote = ''
      return true
    }
    // A `<` that opens nothing is text (XML would refuse the file; a reader need not).
    this.handler.text('<')
    this.pos++
    this.mode = 'text'
    return true
  }

  private enter(mode: 'cdata' | 'comment' | 'pi' | 'decl'): boolean {
    this.mode = mode
    this.pos += OPENERS[mode].length
    return true
  }

  private tag(): boolean {
    const buf = this.buf
    let quote = this.quote
    let j = this.from - this.base
    for (; j < buf.length; j++) {
      const c = buf[j]
      if (quote) {
        if (c === quote) quote = ''
      } else if (c === '"' || c === "'") quote = c
      else if (c === '>') break
    }
    const start = this.base + this.pos
    if (j === buf.length) {
      if (j - this.pos > MAX_TAG_CHARS)
        this.fail(start, `a tag longer than ${MAX_TAG_CHARS} characters`)
      this.from = this.base + j
      this.quote = quote
      return false
    }
    const text = buf.slice(this.pos, j + 1)
    this.pos = j + 1
    this.mode = 'text'
    this.element(text, start, this.base + this.pos)
    return true
  }

  private element(text: string, start: number, end: number): void {
    const name = /^<\/?\s*([^\s/>]+)/.exec(text)?.[1] ?? ''
    if (text[1] === '/') {
      const at = this.stack.lastIndexOf(name)
      if (at < 0) return
      this.unwind(at + 1, start)
      this.handler.close(name, start, end, true)
      this.stack.pop()
      return
    }
    this.handler.open(name, text, start, end)
    if (this.stopped) return
    if (this.stack.length >= MAX_DEPTH)
      return this.fail(start, `elements nested deeper than ${MAX_DEPTH}`)
    this.stack.push(name)
    if (text.endsWith('/>')) {
      this.handler.close(name, end, end, true)
      this.stack.pop()
    }
  }

  private fail(at: number, reason: string): void {
    this.handler.fail(at, reason)
    this.stop()
  }
}
