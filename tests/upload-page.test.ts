import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import seed from '../seeds/pakistan-islamabad-wont-tolerate-us-boots.txt?raw'
import { get, ORIGIN, storageSnapshot, TOKEN } from './helpers'

const SLUG = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'

function form(fields: [string, string | File][]) {
  const body = new FormData()
  for (const [name, value] of fields) body.append(name, value)
  return SELF.fetch(`${ORIGIN}/upload`, { method: 'POST', body })
}

const emptyFile = () => new File([], '', { type: 'application/octet-stream' })

describe('the upload page', () => {
  it('serves a form that needs no JavaScript, token field first', async () => {
    const res = await get('/upload')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(
      '<form class="upload" method="post" action="/upload" enctype="multipart/form-data">',
    )
    expect(html.indexOf('name="token"')).toBeLessThan(html.indexOf('name="files"'))
    expect(html).toContain('<input type="file" name="files" multiple=""')
    expect(html).not.toContain('<script>')
  })

  it('refuses a missing or wrong token with 401 and stores nothing', async () => {
    const before = await storageSnapshot()
    for (const token of [null, 'wrong']) {
      const fields: [string, string | File][] = token ? [['token', token]] : []
      const res = await form([
        ...fields,
        ['files', new File([seed], 'seed.txt', { type: 'text/plain' })],
      ])
      expect(res.status).toBe(401)
      expect(await res.text()).toContain('The ingest token is missing or not valid.')
    }
    expect(await storageSnapshot()).toEqual(before)
  })

  it('stores an uploaded file and links to it', async () => {
    const res = await form([
      ['token', TOKEN],
      ['files', new File([seed], 'seed.txt', { type: 'text/plain' })],
      ['format', 'text'],
      ['text', ''],
    ])
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<td class="path">seed.txt</td><td>created</td>')
    expect(html).toContain(`<a href="/articles/${SLUG}">/articles/${SLUG}</a>`)
  })

  it('stores pasted text in the chosen format, ignoring an empty file input', async () => {
    const res = await form([
      ['token', TOKEN],
      ['files', emptyFile()],
      ['format', 'json'],
      ['text', JSON.stringify({ title: 'Pasted story', body: ['Pasted paragraph.'] })],
    ])
    const html = await res.text()
    expect(html).toContain('<td class="path">pasted text</td><td>created</td>')
    expect((await get('/api/articles/pasted-story')).status).toBe(200)
  })

  it('answers 422 when nothing was chosen', async () => {
    const res = await form([
      ['token', TOKEN],
      ['files', emptyFile()],
      ['format', 'text'],
      ['text', '  '],
    ])
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Choose at least one file or paste an article.')
  })
})

describe('names a client chooses never find what objects inherit', () => {
  it('reads a form whose format is "constructor" as the default format, archive text', async () => {
    const res = await form([
      ['token', TOKEN],
      ['format', 'constructor'],
      ['text', 'INHERITED: A format named constructor\n\nIts paragraph.'],
    ])
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<td class="path">pasted text</td><td>created</td>')
    const stored = (await (
      await get('/api/articles/inherited-a-format-named-constructor')
    ).json()) as {
      source: { format: string }
    }
    expect(stored.source.format).toBe('text')
  })
})
