import { describe, expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { auth, get, send, storageSnapshot, upload } from './helpers'

const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'
const edit = (word: string) => seed.replace('on Thursday', `on ${word}`)

describe('If-Match protects against lost updates', () => {
  it('hands out the revision as an ETag', async () => {
    const created = await upload(seed)
    expect(created.headers.get('ETag')).toBe('"r1"')
    expect((await get(`/api/articles/${SLUG}`)).headers.get('ETag')).toBe('"r1"')
  })

  it('accepts a write that names the current revision', async () => {
    const res = await upload(edit('Monday'), { headers: { 'If-Match': '"r1"' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('ETag')).toBe('"r2"')
  })

  it('refuses a stale writer with 412 and writes nothing', async () => {
    const before = await storageSnapshot()
    const res = await upload(edit('Tuesday'), { headers: { 'If-Match': '"r1"' } })
    expect(res.status).toBe(412)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error).toEqual({
      code: 'precondition_failed',
      message: 'If-Match: the article is at revision 2, not 1; read it again and retry.',
    })
    expect(await storageSnapshot()).toEqual(before)
  })

  it('applies to re-normalize and delete too', async () => {
    const stale = { ...auth, 'If-Match': '"r1"' }
    expect((await send('POST', `/api/articles/${SLUG}/renormalize`, stale)).status).toBe(412)
    expect((await send('DELETE', `/api/articles/${SLUG}`, stale)).status).toBe(412)
    expect(
      (await send('DELETE', `/api/articles/${SLUG}`, { ...auth, 'If-Match': '"r2"' })).status,
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
