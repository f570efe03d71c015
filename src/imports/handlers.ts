import { publishDue, publishEach } from '../articles/schedule'
import type { Bindings } from '../env'
import { importsOf, type PublishMessage, type WorkMessage } from './context'
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
  batch: MessageBatch<WorkMessage>,
  env: Bindings,
): Promise<void> {
  const imports = importsOf(env)
  const dead = batch.queue.endsWith('-dlq')
  await Promise.all(
    batch.messages.map(async (message) => {
      try {
        const body = message.body
        // What a dead publish message was for is still due: the next cron run finds it.
        if (body.kind === 'publish') {
          if (!dead) await publishEach(imports, body.slugs, new Date())
        } else if (dead) await deadLetter(imports, body)
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

/** The cron's publishing pass; more due than its run publishes go to the queue. */
export async function publishScheduled(env: Bindings): Promise<void> {
  const imports = importsOf(env)
  const queue = env.IMPORTS as Queue<PublishMessage>
  const handOff = async (groups: string[][]) => {
    for (let i = 0; i < groups.length; i += 100) {
      const batch = groups.slice(i, i + 100)
      await queue.sendBatch(batch.map((slugs) => ({ body: { kind: 'publish', slugs } })))
    }
  }
  const { published, handedOff, more } = await publishDue(imports, new Date(), handOff)
  if (published + handedOff > 0 || more) {
    console.log('scheduled publishing:', { published, handedOff, more })
  }
}
