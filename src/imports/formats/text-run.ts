/**
 * The text of an archive read from a byte offset on, with a way back from string offsets to
 * bytes: splitters report where an item ends as a string index, and a later invocation resumes
 * at that byte (a range read). Decoding is strict (invalid UTF-8 stops the run with an error
 * naming the byte), so every character's bytes are known exactly. A byte-order mark at the very
 * start is read but not passed on.
 */
export class TextRun {
  /** Pieces not yet dropped: each one's first string index and first byte. */
  private pieces: { text: string; index: number; byte: number }[] = []
  private nextIndex: number
  private nextByte: number

  /** `index`: the string index the first character read will have, as the splitter counts. */
  constructor(
    private readonly startByte: number,
    index: number,
  ) {
    this.nextIndex = index
    this.nextByte = startByte
  }

  /** The run's text, a decoded piece at a time. */
  async *read(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
    let first = this.startByte === 0
    for await (const bytes of stream) {
      let text: string
      try {
        text = decoder.decode(bytes, { stream: true })
      } catch {
        throw new InvalidText(this.nextByte)
      }
      if (first && text.length > 0) {
        first = false
        if (text.charCodeAt(0) === 0xfeff) {
          text = text.slice(1)
          this.nextByte += 3
        }
      }
      if (text.length > 0) yield this.take(text)
    }
    let rest: string
    try {
      rest = decoder.decode()
    } catch {
      throw new InvalidText(this.nextByte)
    }
    if (rest.length > 0) yield this.take(rest)
  }

  private take(text: string): string {
    this.pieces.push({ text, index: this.nextIndex, byte: this.nextByte })
    this.nextIndex += text.length
    this.nextByte += utf8Length(text, 0, text.length)
    return text
  }

  /**
   * The archive byte at string index `index` (within the text read and not dropped). Pieces
   * wholly before it are dropped: call it with indexes that only grow.
   */
  byteAt(index: number): number {
    while (this.pieces.length > 1 && this.pieces[1]!.index <= index) this.pieces.shift()
    const piece = this.pieces[0]
    if (!piece || index < piece.index) return this.nextByte
    return piece.byte + utf8Length(piece.text, 0, Math.min(index - piece.index, piece.text.length))
  }
}

/** The archive is not UTF-8 from this byte on. */
export class InvalidText extends Error {
  constructor(readonly byte: number) {
    super(`the archive is not valid UTF-8 near byte ${byte}`)
  }
}

/** UTF-8 length of `text.slice(from, to)`, for well-formed text (a strict decoder's output). */
export function utf8Length(text: string, from: number, to: number): number {
  let bytes = 0
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}
