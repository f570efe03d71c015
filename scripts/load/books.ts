/** One acknowledged write: a 2xx whose ETag named this revision, for content with this title. */
export interface Ack {
  revision: number
  title: string
  status: string
}

export interface Entry {
  acks: Ack[]
  /** The newest revision each acknowledged title was stored as. */
  titles: Map<string, number>
  latest: Ack
  /** Edited during the load (so its page was cached under older revisions). */
  edited: boolean
  /** Writes sent to it that got no answer: they may or may not have been stored. */
  unanswered: number
}

/** Every acknowledged write, by article slug. */
export class Books {
  readonly entries = new Map<string, Entry>()

  record(slug: string, ack: Ack, edited = false): void {
    const entry = this.entries.get(slug)
    if (!entry) {
      const titles = new Map([[ack.title, ack.revision]])
      this.entries.set(slug, { acks: [ack], titles, latest: ack, edited, unanswered: 0 })
      return
    }
    entry.acks.push(ack)
    entry.edited ||= edited
    // A title comes back with a restore: the newest revision showing it is the one that counts.
    entry.titles.set(ack.title, Math.max(entry.titles.get(ack.title) ?? 0, ack.revision))
    if (ack.revision > entry.latest.revision) entry.latest = ack
  }

  unanswered(slug: string): void {
    const entry = this.entries.get(slug)
    if (entry) entry.unanswered++
  }

  /** The highest revision acknowledged so far; 0 when none. */
  latest(slug: string): number {
    return this.entries.get(slug)?.latest.revision ?? 0
  }

  /**
   * Why a page showing `title` is stale for a reader who asked after revision `floor` was
   * acknowledged, or null. A title not acknowledged yet may belong to a newer revision: not stale.
   */
  stale(slug: string, floor: number, title: string | null): string | null {
    if (title === null) return 'has no <title>'
    const shown = this.entries.get(slug)?.titles.get(title)
    return shown !== undefined && shown < floor
      ? `shows revision ${shown} ("${title}") after revision ${floor} was acknowledged`
      : null
  }
}

/** The article title in a page's <title>, without the site name. */
export const pageTitle = (html: string): string | null =>
  /<title>([^<]*)<\/title>/.exec(html)?.[1]?.replace(/ \| [^|]*$/, '') ?? null
