import { IngestError } from '../../src/ingest'

/** The IngestError a call throws; fails the test if it throws anything else or nothing. */
export function failure(run: () => unknown): IngestError {
  try {
    run()
  } catch (error) {
    if (error instanceof IngestError) return error
    throw error
  }
  throw new Error('expected an IngestError')
}
