import { it } from 'vitest'
import { parseMultipartStream } from '@mjackson/multipart-parser'
import { multipartBody } from './support'
it('x', async () => {
  const { body } = multipartBody([
    { file: 'one.txt', text: 'ONE' },
    { file: 'two.txt', text: 'TWO' },
  ])
  for (const piece of [1, 2, 3, 5, 64, 4096]) {
    let at = 0
    const s = new ReadableStream<Uint8Array>({
      pull(c) {
        if (at >= body.length) return c.close()
        c.enqueue(body.slice(at, at + piece))
        at += piece
      },
    })
    try {
      const names = []
      for await (const p of parseMultipartStream(s, { boundary: '----edge-import-7d3f' }))
        names.push(p.filename)
      console.log(piece, names)
    } catch (e) {
      console.log(piece, String(e))
    }
  }
})
