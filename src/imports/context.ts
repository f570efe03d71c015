import type { Storage } from '../articles/storage'
import { createDb } from '../db/client'
import type { Bindings } from '../env'
import { settingsOf } from '../settings'

/**
 * What the queue carries: only what to do next. The job's record in D1 says everything else, so
 * a message delivered twice does nothing twice, and one lost is sent again by the sweeper.
 */
export type ImportMessage =
  { kind: 'split'; job: string } | { kind: 'chunk'; job: string; seq: number }

/** Scheduled articles the cron hands on when more are due at once than its own run publishes. */
export type PublishMessage = { kind: 'publish'; slugs: string[] }

/** What the work queue carries: imports' messages, and publishing's. */
export type WorkMessage = ImportMessage | PublishMessage

export interface ImportLimits {
  /** Bytes of one archive (one request body). */
  maxImportBytes: number
  /** Items of one job; the archive is not read past them. */
  maxItems: number
  /** Bytes of one item: an upload's limit. */
  maxItemBytes: number
  /** Items, and bytes, of one chunk: what one queue message stores. */
  chunkItems: number
  chunkBytes: number
  /** Chunks one invocation splits off before it hands the rest to another. */
  chunksPerSplit: number
  /** A job without progress this long has its work sent again; this long more, it is ended. */
  quietMs: number
  stallMs: number
}

/** Where imports keep things (D1, R2) and the queue their work goes through. */
export interface Imports extends Storage {
  queue: Queue<ImportMessage>
  limits: ImportLimits
}

/** Where imports keep things, and their limits, from the Worker's bindings and settings. */
export function importsOf(env: Bindings): Imports {
  const settings = settingsOf(env)
  return {
    db: createDb(env.DB),
    originals: env.ORIGINALS,
    queue: env.IMPORTS as Queue<ImportMessage>,
    limits: {
      maxImportBytes: settings.maxImportBytes,
      maxItems: settings.maxImportItems,
      maxItemBytes: settings.maxUploadBytes,
      chunkItems: settings.importChunkItems,
      chunkBytes: 4 * 1024 * 1024,
      chunksPerSplit: 50,
      quietMs: settings.importQuietMs,
      stallMs: settings.importStallMs,
    },
  }
}
