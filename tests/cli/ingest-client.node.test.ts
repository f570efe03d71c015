import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uploadFile } from '../../scripts/cli/api-client'
import { collectFiles } from '../../scripts/cli/files'
import { mapPool } from '../../scripts/cli/pool'
import { summaryTable } from '../../scripts/cli/report'

/** A stand-in API that fails each new file's first two attempts (429, then 503) and then stores it. */
const attempts = new Map<string, number>()
const seen: { type: string | undefined; auth: string | undefined }[] = []
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let body = ''
  req.on('data', (chunk: Buffer) => (body += chunk.toString()))
  req.on('end', () => {
    seen.push({ type: req.headers['content-type'], auth: req.headers.authorization })
    const n = (attempts.get(body) ?? 0) + 1
    attempts.set(body, n)
    const reply = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
      res.end(JSON.stringify(json))
    }
    if (body.includes('BROKEN'))
      return reply(422, { error: { code: 'empty_body', message: 'no body' } })
    if (n === 1)
      return reply(
        429,
        { error: { code: 'rate_limited', message: 'slow down' } },
        { 'Retry-After': '0' },
      )
    if (n === 2) return reply(503, { error: { code: 'unavailable', message: 'retry' } })
    reply(201, { url: `/articles/${body.length}` }, { 'X-Ingest-Result': 'created' })
  })
})

let origin = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('the ingest CLI client', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-'))
  writeFileSync(join(dir, 'a.txt'), 'TITLE: One\n\nBody one.\n')
  writeFileSync(join(dir, 'b.md'), '# Two\n\nBody two.\n')
  writeFileSync(join(dir, 'c.json'), '{"title":"BROKEN"}')
  writeFileSync(join(dir, 'c.expected.json'), '{}')
  writeFileSync(join(dir, 'notes.pdf'), '%PDF')

  it('finds supported files only, in order, skipping expectation sidecars', () => {
    expect(collectFiles([dir]).map((f) => f.slice(dir.length + 1))).toEqual([
      'a.txt',
      'b.md',
      'c.json',
    ])
  })

  it('retries 429 and 5xx with back-off, gives up on 4xx, and reports each file', async () => {
    const options = { origin, token: 'tok', retries: 3, backoffMs: 1 }
    const outcomes = await mapPool(collectFiles([dir]), 2, (file) => uploadFile(file, options))
    expect(outcomes.map((o) => [o.file.slice(dir.length + 1), o.status, o.attempts])).toEqual([
      ['a.txt', 'created', 3],
      ['b.md', 'created', 3],
      ['c.json', 'failed', 1],
    ])
    expect(outcomes[2]).toMatchObject({ error: '422 empty_body: no body' })
    expect(new Set(seen.map((s) => s.auth))).toEqual(new Set(['Bearer tok']))
    expect(seen.map((s) => s.type)).toContain('text/markdown; charset=utf-8')
    expect(summaryTable(outcomes)).toContain('  created          2')
  })

  it('fails a file after the last retry', async () => {
    const only = join(dir, 'a.txt')
    attempts.clear()
    const outcome = await uploadFile(only, { origin, token: 'tok', retries: 1, backoffMs: 1 })
    expect(outcome).toMatchObject({
      status: 'failed',
      attempts: 2,
      error: '503 unavailable: retry',
    })
  })
})

describe('the ingest command line', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...args], {
      encoding: 'utf8',
    })

  it('exits 2 with one line naming a path that does not exist, uploading nothing', () => {
    const result = run('seeds', 'no-such-folder')
    expect(result.status).toBe(2)
    expect(result.stderr).toBe('ingest: no such file or folder: no-such-folder\n')
  })

  it('exits 2 on a concurrency that is not a whole number', () => {
    const result = run('seeds', '--concurrency', '0')
    expect(result.status).toBe(2)
    expect(result.stderr).toBe('ingest: --concurrency must be a whole number (at least 1), got 0\n')
  })
})
