import { decodeXML } from 'entities'

/**
 * The text of one element as it streams in: character data (its entities decoded once a run of
 * it ends, so an entity cut by a chunk boundary still decodes) and CDATA (as is), in order.
 */
export class TextField {
  private done = ''
  private raw = ''

  constructor(private readonly limit = Infinity) {}

  text(raw: string): void {
    if (this.size < this.limit) this.raw += raw.slice(0, this.limit - this.size)
  }

  cdata(text: string): void {
    this.settle()
    if (this.size < this.limit) this.done += text.slice(0, this.limit - this.size)
  }

  value(): string {
    this.settle()
    return this.done
  }

  private get size(): number {
    return this.done.length + this.raw.length
  }

  private settle(): void {
    if (this.raw === '') return
    this.done += decodeXML(this.raw)
    this.raw = ''
  }
}
