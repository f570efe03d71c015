import { resolve } from 'node:path'
import { inject } from 'vitest'

/** What the global setup hands every e2e test file. */
export interface E2eContext {
  /** The running service, e.g. `http://127.0.0.1:41234`. */
  origin: string
  /** Its INGEST_TOKEN, made up for this run. */
  token: string
  /** The shared Chromium's Playwright server, for `chromium.connect`. */
  wsEndpoint: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext
  }
}

export const e2e = (): E2eContext => inject('e2e')

/** Where screenshots, axe findings and the server log go (git-ignored). */
export const RESULTS_DIR = 'test-results/e2e'

export const resultsPath = (name: string) =>
  resolve(import.meta.dirname, '../..', RESULTS_DIR, name)
