import { spawn } from 'node:child_process'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import type { ImportJob } from '../../src/model/imports'

export interface Seen {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: Buffer
}

export interface Reply {
  status: number
  json: unknown
  headers?: Record<string, string>
}

/**
 * A stand-in API on a free port: every request is recorded whole, and answered by `answer`,
 * which each test sets to script the server.
 */
export async function standInApi() {
  const seen: Seen[] = []
  const api = {
    seen,
    origin: '',
    answer: (_request: Seen): Reply => ({ status: 500, json: { error: { code: 'unset' } } }),
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      }
      seen.push(request)
      const reply = api.answer(request)
      res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers })
      res.end(JSON.stringify(reply.json))
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  api.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const close = () => new Promise<void>((done) => server.close(() => done()))
  return { api, close }
}

/** A job as the server shows it, with the given fields. */
export function jobOf(fields: Partial<ImportJob> & { bytes: number; read: number }): ImportJob {
  const { bytes, read, ...rest } = fields
  const self = '/api/imports/job0000001'
  return {
    id: 'job0000001',
    status: 'queued',
    format: 'ndjson',
    total: 0,
    done: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    skipped: 0,
    split: false,
    archive: { contentType: 'application/x-ndjson', bytes, sha256: 'ab'.repeat(32), read },
    error: null,
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
    finishedAt: null,
    links: { self, items: `${self}/items`, failures: `${self}/items?status=failed` },
    ...rest,
  }
}

const root = resolve(import.meta.dirname, '../..')

/**
 * `npm run ingest` against `origin`, run from `cwd` (so file names are relative to it), without
 * blocking this process, which serves the stand-in API.
 */
export function ingest(origin: string, cwd: string, ...args: string[]) {
  const child = spawn(
    resolve(root, 'node_modules/.bin/tsx'),
    [resolve(root, 'scripts/ingest.ts'), ...args, '--url', origin],
    { cwd, env: { ...process.env, INGEST_TOKEN: '' } },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) =>
    child.on('close', (status) => done({ status, stdout, stderr })),
  )
}
