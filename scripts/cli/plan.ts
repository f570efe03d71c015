import { openAsBlob } from 'node:fs'
import { relative, sep } from 'node:path'
import type { Input } from './archives'
import { PACK_BYTES, packBody, planPacks } from './pack'

/** One import job to run: what it is called in the report, and its body, opened when sent. */
export interface ImportRun {
  name: string
  contentType: string
  bytes: number
  body: () => Promise<Blob>
}

export interface Plan {
  /** Files uploaded one at a time, as ever: when there are too few to be worth a job. */
  uploads: string[]
  imports: ImportRun[]
  /** Inputs that cannot be sent at all, each with why: over the import limit. */
  refused: string[]
}

export interface PlanOptions {
  jobThreshold: number
  maxImportBytes: number
}

/** The path as the user knows it (relative, with forward slashes): names parts and reports. */
export const nameOf = (path: string) => relative(process.cwd(), path).split(sep).join('/')

/**
 * Archives go as import jobs; loose files one at a time, or, from `jobThreshold` of them on,
 * packed into multipart import jobs. What is over the import limit is refused before anything is sent.
 */
export function planWork(inputs: Input[], options: PlanOptions): Plan {
  const plan: Plan = { uploads: [], imports: [], refused: [] }
  const limit = options.maxImportBytes
  const refuse = (name: string, bytes: number) =>
    plan.refused.push(
      `${name} is ${bytes.toLocaleString('en-US')} bytes, over the import limit of ${limit.toLocaleString('en-US')} bytes (the server's MAX_IMPORT_BYTES; raise --max-import-bytes only if the server allows more)`,
    )
  const loose: { path: string; name: string; bytes: number }[] = []
  for (const input of inputs) {
    if (input.kind === 'file')
      loose.push({ path: input.path, name: nameOf(input.path), bytes: input.bytes })
    if (input.kind !== 'archive') continue
    const { path, contentType, bytes } = input
    if (bytes > limit) refuse(nameOf(path), bytes)
    plan.imports.push({ name: nameOf(path), contentType, bytes, body: () => openAsBlob(path) })
  }
  if (loose.length < options.jobThreshold) {
    plan.uploads = loose.map((file) => file.path)
    return plan
  }
  const packs = planPacks(loose, Math.min(PACK_BYTES, limit))
  packs.forEach((pack, i) => {
    // Only a file too big to share a pack can make one over the limit.
    if (pack.bytes > limit) refuse(`${pack.files[0]!.name} with its multipart headers`, pack.bytes)
    plan.imports.push({
      name: `files ${i + 1} of ${packs.length} (${pack.files.length} files)`,
      contentType: pack.contentType,
      bytes: pack.bytes,
      body: () => packBody(pack),
    })
  })
  return plan
}
