import type { Db, Statement } from './client'
import { isConstraintError, WriteConflict } from './errors'

/** Runs statements as one atomic batch; a batch refused by a key or guard is a WriteConflict. */
export async function runBatch(db: Db, statements: Statement[]) {
  if (statements.length === 0) return []
  try {
    return await db.batch(statements as [Statement, ...Statement[]])
  } catch (error) {
    if (isConstraintError(error))
      throw new WriteConflict('another write won the race', { cause: error })
    throw error
  }
}
