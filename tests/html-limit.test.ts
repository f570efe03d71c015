import { describe, expect, it } from 'vitest'
import { storageSnapshot, upload } from './helpers'

const html = { type: 'text/html; charset=utf-8' }
const MiB = 1024 * 1024

/**
 * A saved news page as large as real ones get: the article is a few kilobytes; the rest is what a
 * site wraps it in (inline scripts, styles, navigation), which the extractor drops.
 */
function savedPage(bytes: number): string {
  const article = `<article><h1>Harbour ferry timetable changes on Monday</h1>
<p class="byline">By Ana Ruiz</p>
<p>The first ferry of the day will leave at 6:40 from Monday, half an hour later than now.</p>
<p>The harbour authority said the change follows a survey of morning passengers.</p></article>`
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour ferry timetable changes on Monday | Harbour Gazette</title></head><body>`
  const tail = '</body></html>'
  const filler = (n: number) => `<script>window.__state=${JSON.stringify('x'.repeat(n))}</script>`
  const room = bytes - head.length - article.length - tail.length - filler(0).length
  return `${head}${filler(room)}${article}${tail}`
}

const byteLength = (text: string) => new TextEncoder().encode(text).length

describe('a saved HTML page has a limit of its own', () => {
  it('stores a 1.5 MB page, over the 1 MiB limit of other uploads', async () => {
    const page = savedPage(1_500_000)
    expect(byteLength(page)).toBe(1_500_000)
    const res = await upload(page, html)
    expect(res.status).toBe(201)
    const stored = (await res.json()) as { title: string; authors: { name: string }[] }
    expect([stored.title, stored.authors]).toEqual([
      'Harbour ferry timetable changes on Monday',
      [{ name: 'Ana Ruiz', slug: 'ana-ruiz' }],
    ])
  })

  it('refuses one byte past MAX_HTML_UPLOAD_BYTES, and text past MAX_UPLOAD_BYTES, writing nothing', async () => {
    const before = await storageSnapshot()
    const page = savedPage(2 * MiB + 1)
    const res = await upload(page, html)
    expect([res.status, await res.json()]).toEqual([
      413,
      {
        error: {
          code: 'payload_too_large',
          message: `The upload exceeds the limit of ${2 * MiB} bytes.`,
        },
      },
    ])
    const text = await upload(`A TITLE\n\n${'word '.repeat(MiB / 5)}`)
    expect(text.status).toBe(413)
    expect(await storageSnapshot()).toEqual(before)
  })
})
