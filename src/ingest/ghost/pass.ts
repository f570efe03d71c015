import { JsonScanner, type Frame } from './scan'

export type GhostBroken = { kind: 'broken'; start: number; reason: string }

/** The frames around an element of `db[0].data.<collection>`, outermost first. */
export const collectionFrames = (collection: string): Frame[] => [
  { array: false, key: 'db', index: 0 },
  { array: true, key: null, index: 0 },
  { array: false, key: 'data', index: 0 },
  { array: false, key: collection, index: 0 },
  { array: true, key: null, index: 0 },
]

/** Whether the innermost of `frames` is `db[0]` reading its member `data`. */
function atData(frames: readonly Frame[]): boolean {
  const [root, db, first] = frames
  return (
    frames.length === 3 &&
    root?.array === false &&
    root.key === 'db' &&
    db?.array === true &&
    db.index === 0 &&
    first?.array === false &&
    first.key === 'data'
  )
}

/** The collection whose array is on top of `frames` (`posts` for `db[0].data.posts`), or null. */
function collectionOf(frames: readonly Frame[]): string | null {
  const [data, list] = frames.slice(3)
  return frames.length === 5 && atData(frames.slice(0, 3)) && !data!.array && list!.array
    ? data!.key
    : null
}

/**
 * One pass over a Ghost export in chunks: the elements of the collections it `takes` are taped
 * and handed over whole; everything else is passed over, held nowhere. It never throws on any
 * input: what it cannot read is a `broken` event.
 */
export abstract class GhostPass<E> {
  protected readonly scanner: JsonScanner
  private events: (E | GhostBroken)[] = []
  private current: { collection: string; start: number } | null = null
  protected sawData = false
  private stopped = false

  constructor(countBytes = false) {
    this.scanner = new JsonScanner(
      {
        value: (at, first) => this.value(at, first),
        string: (text) => this.memberString(text),
        close: (end) => this.close(end),
        fail: (at, reason) => this.stop(at, reason),
      },
      { countBytes },
    )
  }

  get bufferedChars(): number {
    return this.scanner.bufferedChars
  }

  write(chunk: string): (E | GhostBroken)[] {
    this.scanner.write(chunk)
    return this.take()
  }

  end(): (E | GhostBroken)[] {
    const open = this.scanner.end()
    if (this.stopped) return this.take()
    if (this.current) {
      this.broken(
        this.current.start,
        `the file ends inside this element of ${this.current.collection}: it was cut off`,
      )
    } else if (!this.scanner.hasStarted) this.broken(0, 'the file holds no JSON')
    else if (open)
      this.broken(this.scanner.offset, 'the file ends before the export does: it was cut off')
    else if (!this.sawData) this.broken(0, 'no db[0].data object: not a Ghost export')
    return this.take()
  }

  protected abstract takes(collection: string): boolean
  /** A whole element of a collection taken: its exact text and offsets. */
  protected abstract element(collection: string, text: string, start: number, end: number): void
  /** A member of a taken element begins (`key`: its name); true to be given its string. */
  protected memberValue(_key: string | null, _first: string): boolean {
    return false
  }
  protected memberString(_text: string | null): void {}

  protected emit(event: E | GhostBroken): void {
    this.events.push(event)
  }

  protected broken(start: number, reason: string): void {
    this.emit({ kind: 'broken', start, reason })
  }

  private take(): (E | GhostBroken)[] {
    const events = this.events
    this.events = []
    return events
  }

  private value(at: number, first: string): boolean {
    const frames = this.scanner.frames
    if (frames.length === 0 && first !== '{') {
      this.stop(at, 'not a Ghost export: the file is not a JSON object')
      return false
    }
    if (atData(frames)) {
      if (first === '{') this.sawData = true
      else this.stop(at, 'not a Ghost export: db[0].data is not an object')
      return false
    }
    const collection = collectionOf(frames)
    if (collection === null || !this.takes(collection)) {
      return this.current !== null && frames.length === 6 && this.memberValue(frames[5]!.key, first)
    }
    if (first !== '{') this.broken(at, `an element of ${collection} that is not an object`)
    else {
      this.current = { collection, start: at }
      this.scanner.startTape(at)
    }
    return false
  }

  private close(end: number): void {
    if (!this.current || this.scanner.frames.length !== 6) return
    const { collection, start } = this.current
    this.current = null
    this.element(collection, this.scanner.takeTape(end), start, end)
  }

  private stop(at: number, reason: string): void {
    this.broken(this.current?.start ?? at, reason)
    this.current = null
    this.stopped = true
    this.scanner.stop()
  }
}
