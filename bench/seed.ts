import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { send } from './http'
import { TOKEN, type RunningWorker } from './worker'

export const SEEDS = resolve(import.meta.dirname, '../seeds')

/** The first seed, as its text. */
export function seedText(): string {
  const name = readdirSync(SEEDS).find((file) => file.endsWith('.txt'))
  if (!name) throw new Error(`no .txt file in ${SEEDS}`)
  return readFileSync(resolve(SEEDS, name), 'utf8')
}

/** Uploads the seed through `POST /api/articles`, as users do; returns its slug. */
export async function uploadSeed(worker: RunningWorker): Promise<string> {
  const res = await send(`${worker.origin}/api/articles`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain; charset=utf-8' },
    body: seedText(),
  })
  if (res.status !== 201) throw new Error(`seed upload answered ${res.status}: ${res.text}`)
  return (JSON.parse(res.text) as { slug: string }).slug
}
