import { openAsBlob, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sendBlob } from '../../scripts/cli/send-blob'
import { standInApi } from './stand-in-api'

let api: Awaited<ReturnType<typeof standInApi>>['api']
let close: () => Promise<void>
beforeAll(async () => ({ api, close } = await standInApi()))
afterAll(() => close())

it('sends a Blob of text and a file with its exact length, and hands back the answer', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'send-blob-')), 'harbor.md')
  writeFileSync(file, '# Harbor reopens\n\nThe breakwater is repaired.\n')
  api.seen.length = 0
  api.answer = () => ({
    status: 202,
    json: { id: 'job0000001' },
    headers: { Location: '/api/imports/job0000001' },
  })
  const body = new Blob(['--b\r\n', await openAsBlob(file), '\r\n--b--\r\n'])
  const res = await sendBlob(`${api.origin}/api/imports`, {
    method: 'POST',
    headers: new Headers({ Authorization: 'Bearer tok', 'Content-Type': 'text/plain' }),
    body,
  })
  expect([res.status, res.headers.get('Location'), await res.json()]).toEqual([
    202,
    '/api/imports/job0000001',
    { id: 'job0000001' },
  ])
  const [seen] = api.seen
  expect(seen!.body.toString()).toBe(
    '--b\r\n# Harbor reopens\n\nThe breakwater is repaired.\n\r\n--b--\r\n',
  )
  expect([
    seen!.method,
    seen!.headers['content-length'],
    seen!.headers['transfer-encoding'],
    seen!.headers.authorization,
    seen!.headers['content-type'],
  ]).toEqual(['POST', '60', undefined, 'Bearer tok', 'text/plain'])
})

it('answers a refusal as a response, not a network error', async () => {
  api.answer = () => ({ status: 503, json: { error: { code: 'unavailable', message: 'R2' } } })
  const res = await sendBlob(`${api.origin}/api/imports`, { method: 'POST', body: new Blob(['x']) })
  expect([res.status, await res.json()]).toEqual([
    503,
    { error: { code: 'unavailable', message: 'R2' } },
  ])
})
