import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')

/** The token `npm start` serves with: .dev.vars, else the example it is created from. */
export function devToken(): string {
  const file = ['.dev.vars', '.dev.vars.example']
    .map((name) => resolve(root, name))
    .find((path) => existsSync(path))
  if (!file) return ''
  return /^INGEST_TOKEN=(.*)$/m.exec(readFileSync(file, 'utf8'))?.[1]?.trim() ?? ''
}
