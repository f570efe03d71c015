import { Window } from '../wxr/window'

/** One open object or array: an object's member `key` being read, an array's element `index`. */
export interface Frame {
  readonly array: boolean
  key: string | null
  index: number
}

export interface JsonHandler {
  /**
   * A value starts at `at` (`first`: its first character) inside `scanner.frames`. Return true
   * to be given the text of the string it starts (only its first MAX_STRING characters).
   */
  value(at: number, first: string): boolean
  string(text: string | null): void
  /** The object or array on top of `scanner.frames` closes; `end` is just past its bracket. */
  close(end: number): void
  /** The input cannot be read on; nothing more is reported. */
  fail(at: number, reason: string): void
}

const MAX_DEPTH = 512
// Keys and ids are short; longer ones are not what the splitters look for.
const MAX_STRING = 256
const STRING_RUN = /[^"\\]*/y
const LITERAL_RUN = /[^\s,:[\]{}"]*/y

/**
 * A streaming JSON tokenizer that tracks strings, escapes and nesting, and reads nothing it is
 * not asked for: memory stays a few frames, whatever the length of the strings it passes.
 * It checks brackets, not the grammar (`{"a" 1}` passes); JSON.parse checks each piece taken.
 */
export class JsonScanner extends Window {
  readonly frames: Frame[] = []
  private mode: 'between' | 'string' | 'literal' = 'between'
  private expectKey = false
  private isKey = false
  /** The string being read, when it is wanted; `overflow` once it passed MAX_STRING. */
  private captured: string | null = null
  private overflow = false
  private started = false
  /** After a resume: the next token must end the element before it. */
  private resumed = false

  constructor(
    private readonly handler: JsonHandler,
    options: { countBytes?: boolean } = {},
  ) {
    super()
    if (options.countBytes) this.countUtf8()
  }

  /** Continue inside `frames`, just after an element, at `offset` (`bytes` in UTF-8). */
  resume(frames: Frame[], offset: number, bytes: number): void {
    this.frames.push(...frames)
    this.seek(offset, bytes)
    this.started = this.resumed = true
  }

  /** UTF-8 bytes before `offset` (with `countBytes`; offsets must not go backwards). */
  utf8Offset(offset: number): number {
    return this.bytesAt(offset)
  }

  /** Ends the input: whether it ends inside the JSON (a string, or with brackets open). */
  end(): boolean {
    this.finish()
    return !this.stopped && (this.mode === 'string' || this.frames.length > 0)
  }

  get hasStarted(): boolean {
    return this.started
  }

  protected scan(): void {
    while (!this.stopped && this.pos < this.buf.length) {
      if (this.mode === 'string') {
        if (!this.stringPiece()) return
      } else if (this.mode === 'literal') {
        LITERAL_RUN.lastIndex = this.pos
        LITERAL_RUN.test(this.buf)
        this.pos = LITERAL_RUN.lastIndex
        if (this.pos < this.buf.length) this.mode = 'between'
      } else this.token()
    }
  }

  /** Reads a string up to its end or the buffer's; false when the buffer ends first. */
  private stringPiece(): boolean {
    const buf = this.buf
    for (;;) {
      STRING_RUN.lastIndex = this.pos
      STRING_RUN.test(buf)
      const stop = STRING_RUN.lastIndex
      this.take(stop)
      if (stop >= buf.length) return false
      if (buf[stop] === '"') {
        this.pos++
        this.mode = 'between'
        this.endString()
        return true
      }
      // A backslash: it and the character it escapes are read together, across chunks too.
      if (stop + 1 >= buf.length) return false
      this.take(stop + 2)
    }
  }

  /** Reads the string's characters up to `stop`, into the capture when there is one. */
  private take(stop: number): void {
    if (this.captured !== null && !this.overflow && stop > this.pos) {
      this.captured += this.buf.slice(this.pos, stop)
      if (this.captured.length > MAX_STRING) this.overflow = true
    }
    this.pos = stop
  }

  private endString(): void {
    const text = this.overflow ? null : decode(this.captured ?? '')
    if (this.isKey) {
      this.frames.at(-1)!.key = text
      this.expectKey = false
    } else if (this.captured !== null) this.handler.string(text)
    this.captured = null
    this.overflow = this.isKey = false
  }

  private token(): void {
    const c = this.buf[this.pos]!
    const at = this.base + this.pos
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || (c === '\uFEFF' && at === 0)) {
      this.pos++
      return
    }
    if (this.resumed) {
      this.resumed = false
      if (c !== ',' && c !== ']') {
        return this.fail(at, `expected , or ] after a post, found ${JSON.stringify(c)}`)
      }
    }
    const top = this.frames.at(-1)
    if (c === ',' || c === ':') {
      if (!top) return this.fail(at, `a ${c} outside any object or array`)
      if (c === ',' && top.array) top.index++
      else if (c === ',') {
        top.key = null
        this.expectKey = true
      }
      this.pos++
    } else if (c === '}' || c === ']') {
      if (!top || top.array !== (c === ']')) return this.fail(at, `an unmatched ${c}`)
      this.pos++
      this.handler.close(this.base + this.pos)
      this.frames.pop()
    } else this.begin(c, at, top)
  }

  private begin(c: string, at: number, top: Frame | undefined): void {
    if (!top && this.started) return this.fail(at, 'text after the end of the JSON')
    this.started = true
    this.pos++
    if (c === '"' && top && !top.array && this.expectKey) {
      this.isKey = true
      this.captured = ''
      this.mode = 'string'
      return
    }
    const wanted = this.handler.value(at, c)
    if (this.stopped) return
    if (c === '"') {
      this.mode = 'string'
      this.captured = wanted ? '' : null
    } else if (c === '{' || c === '[') {
      if (this.frames.length >= MAX_DEPTH) return this.fail(at, `nested deeper than ${MAX_DEPTH}`)
      this.frames.push({ array: c === '[', key: null, index: 0 })
      this.expectKey = c === '{'
    } else this.mode = 'literal'
  }

  private fail(at: number, reason: string): void {
    this.handler.fail(at, reason)
    this.stop()
  }
}

/** A JSON string's characters as written, unescaped; null when they are not valid JSON. */
function decode(raw: string): string | null {
  if (!raw.includes('\\')) return raw
  try {
    return JSON.parse(`"${raw}"`) as string
  } catch {
    return null
  }
}
