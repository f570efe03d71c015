import type { SourceFormat } from '../../model/article'
import type { Problem } from '../../model/api'
import type { ItemRef } from '../../model/imports'

/** One item of an archive: an upload to store, or why it cannot be one (it fails alone). */
export type SplitItem =
  | { ref: ItemRef; format: SourceFormat; bytes: Uint8Array; meta: Record<string, string> }
  | { ref: ItemRef; problem: Problem }

/** Where a later invocation resumes: a byte of the archive and what the splitter carries. */
export interface ResumePoint {
  at: number
  state: string | null
}

/**
 * What a splitter found next: an item, or an entry that is not an article (`item: null`: a
 * page, an attachment). `next` is where to resume just past it, or null when that cannot be
 * said exactly (something unreadable): a chunk never ends there.
 */
export interface Found {
  item: SplitItem | null
  next: ResumePoint | null
}

/** The archive as splitters read it: a range read, and small objects kept beside it. */
export interface ArchiveReader {
  from(offset: number): Promise<ReadableStream<Uint8Array>>
  load(name: string): Promise<string | null>
  save(name: string, text: string): Promise<void>
}

export interface SplitLimits {
  /** Largest item, in bytes (an upload's limit). */
  maxItemBytes: number
}

export type Splitter = (
  archive: ArchiveReader,
  from: ResumePoint,
  limits: SplitLimits,
) => AsyncGenerator<Found>
