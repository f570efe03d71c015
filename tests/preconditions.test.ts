import { describe, expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { sha256Hex } from '../src/lib/hash'
import { auth, get, send, storageSnapshot, upload } from './helpers'

const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'
const edit = (word: string) => seed.replace('on Thursday', `on ${word}`)

describe('If-Match protects against lost updates', () => {
  it('hands out the revision and a hash of the JSON as the ETag, the same on write and read', async () => {
    const created = await upload(seed)
    const etag = created.headers.get('ETag')!
    expect(etag).toBe(`"r1-${(await sha256Hex(await created.text())).slice(0, 16)}"`)
    const read = await get(`/api/articles/${SLUG}`)
    expect(read.headers.get('ETag')).toBe(etag)
    expect(read.headers.get('X-Cache')).toBe('MISS')
    const again = await get(`/api/articles/${SLUG}`, { 'If-None-Match': etag })
    expect([again.status, again.headers.get('X-Cache')]).toEqual([304, 'HIT'])
  })

  it('accepts a write that names the current revision, by its full ETag or "r<revision>"', async () => {
    const etag = (await get(`/api/articles/${SLUG}`)).headers.get('ETag')!
    const res = await upload(edit('Monday'), { headers: { 'If-Match': etag } })
    expect(res.status).toBe(200)
    expect(res.headers.get('ETag')).toMatch(/^"r2-[0-9a-f]{16}"$/)
    const short = await upload(edit('Sunday'), { headers: { 'If-Match': '"r2"' } })
    expect(short.status).toBe(200)
    const back = await upload(edit('Monday'), { headers: { 'If-Match': '"r3"' } })
    expect(back.headers.get('ETag')).toMatch(/^"r4-[0-9a-f]{16}"$/)
  })

  it('refuses a stale writer with 412 and writes nothing', async () => {
    const before = await storageSnapshot()
    const res = await upload(edit('Tuesday'), { headers: { 'If-Match': '"r1"' } })
    expect(res.status).toBe(412)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error).toEqual({
      code: 'precondition_failed',
      message: 'If-Match: the article is at revision 4, not 1; read it again and retry.',
    })
    expect(await storageSnapshot()).toEqual(before)
  })

  it('applies to re-normalize and delete too', async () => {
    const stale = { ...auth, 'If-Match': '"r1"' }
    expect((await send('POST', `/api/articles/${SLUG}/renormalize`, stale)).status).toBe(412)
    expect((await send('DELETE', `/api/articles/${SLUG}`, stale)).status).toBe(412)
    expect(
      (await send('DELETE', `/api/articles/${SLUG}`, { ...auth, 'If-Match': '"r4"' })).status,
    ).toBe(204)
  })

  it('treats * as "must exist" and rejects malformed values', async () => {
    const res = await upload(JSON.stringify({ title: 'Brand new', body: ['x.'] }), {
      type: 'application/json',
      headers: { 'If-Match': '*' },
    })
    expect(res.status).toBe(412)
    const bad = await upload(seed, { headers: { 'If-Match': 'r2' } })
    expect(bad.status).toBe(400)
  })
})
