import type { Bindings } from '../env'
import { importsOf, type ImportMessage } from './context'
import { deadLetter, sweep } from './recovery'
import { splitArchive } from './split'
import { storeChunk } from './store-chunk'

/** Retries wait longer each time: 5 s, 10 s, 20 s, … at most 5 minutes. */
const backoff = (attempts: number) => Math.min(300, 5 * 2 ** Math.max(0, attempts - 1))

/**
 * The queue handler: a split or a chunk per message, the batch's messages at once (while one
 * waits on D1, another normalizes or writes to R2). A message whose work fails is retried later
 * with back-off; one that failed every retry arrives from the dead-letter queue, and what it
 * was for is ended (deadLetter).
 */
export async function handleImports(
  batch: MessageBatch<ImportMessage>,
  env: Bindings,
): Promise<void> {
  const imports = importsOf(env)
  const dead = batch.queue.endsWith('-dlq')
  await Promise.all(
    batch.messages.map(async (message) => {
      try {
        const body = message.body
        if (dead) await deadLetter(imports, body)
        else if (body.kind === 'split') await splitArchive(imports, body.job)
        else await storeChunk(imports, body.job, body.seq)
        message.ack()
      } catch (error) {
        console.error('import work failed; retrying later', message.body, error)
        message.retry({ delaySeconds: backoff(message.attempts) })
      }
    }),
  )
}

/** The cron handler: the import sweeper. */
export async function handleSchedule(env: Bindings): Promise<void> {
  const { nudged, ended } = await sweep(importsOf(env))
  if (nudged + ended > 0) console.log('import sweeper:', { nudged, ended })
}
