import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Every statement of `drizzle/*.sql`, in file order, split on drizzle-kit's breakpoints. */
export function migrationStatements(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .flatMap((name) => readFileSync(join(folder, name), 'utf8').split('--> statement-breakpoint'))
    .map((statement) => statement.trim())
    .filter((statement) => statement !== '')
}
