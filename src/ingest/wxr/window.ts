import { utf8Length } from '../limits'

/**
 * What a streaming scanner still holds of its input: the unread tail of what was written (a
 * token cut by a chunk boundary), and, while a tape runs, the text from the tape's start (one
 * item or post). Nothing else survives a `write()`, so memory is bounded by the largest taped
 * piece. Offsets count UTF-16 code units from the start of the whole input.
 *
 * Shared by the WXR and Ghost splitters (ghost/ imports it from here).
 */
export abstract class Window {
  protected buf = ''
  /** Offset of `buf[0]`. */
  protected base = 0
  /** Index in `buf` of the first character not yet read. */
  protected pos = 0
  protected stopped = false
  private ended = false
  private tape: string | null = null
  private tapeAt = 0
  private countBytes = false
  private markAt = 0
  private markBytes = 0

  /** Characters held between writes: the unread tail and the tape. */
  get bufferedChars(): number {
    return this.buf.length - this.pos + (this.tape?.length ?? 0)
  }

  /** Offset just past everything written so far. */
  get offset(): number {
    return this.base + this.buf.length
  }

  write(chunk: string): void {
    if (this.ended) throw new Error('write() after end()')
    if (this.stopped) return
    this.buf += chunk
    this.scan()
    this.flush()
  }

  /** Marks the input as complete; the subclass reports what was left unfinished. */
  protected finish(): void {
    this.ended = true
  }

  protected abstract scan(): void

  /** Stops reading: later input is ignored. */
  stop(): void {
    this.stopped = true
    this.tape = null
  }

  startTape(at: number): void {
    this.tape = ''
    this.tapeAt = at
  }

  /** The input from the tape's start to `end` (still in the buffer); the tape stops. */
  takeTape(end: number): string {
    const text = (this.tape ?? '') + this.buf.slice(this.tapeAt - this.base, end - this.base)
    this.tape = null
    return text
  }

  dropTape(): void {
    this.tape = null
  }

  /** Start as if `offset` characters (`bytes` in UTF-8) had been read already. */
  protected seek(offset: number, bytes: number): void {
    this.base = this.markAt = offset
    this.markBytes = bytes
  }

  /** From now on `bytesAt` works: the input is counted in UTF-8 as it is read. */
  protected countUtf8(): void {
    this.countBytes = true
  }

  /** UTF-8 bytes before `offset`, which must not precede an earlier call's offset. */
  protected bytesAt(offset: number): number {
    this.markBytes += utf8Length(this.buf.slice(this.markAt - this.base, offset - this.base))
    this.markAt = offset
    return this.markBytes
  }

  private flush(): void {
    const read = this.base + this.pos
    if (this.tape !== null) {
      this.tape += this.buf.slice(this.tapeAt - this.base, this.pos)
      this.tapeAt = read
    }
    if (this.countBytes && this.markAt < read) this.bytesAt(read)
    this.buf = this.buf.slice(this.pos)
    this.base = read
    this.pos = 0
  }
}
