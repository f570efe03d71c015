import { parseMultipartStream } from '@mjackson/multipart-parser'
import { expect, it } from 'vitest'
import { multipartStream } from '../src/lib/multipart'

const boundary = 'epilogue-7f2a'
const reads = () =>
  [
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="tide.txt"\r\n\r\nTIDE\r\n--${boundary}--`,
    '\r\n',
    'an epilogue\r\n',
  ].map((t) => new TextEncoder().encode(t))

const streamOf = (chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift()
      if (next) controller.enqueue(next)
      else controller.close()
    },
  })

// RFC 2046 allows text after the close delimiter (an epilogue), to be ignored; a network read
// can end right after the delimiter, leaving the final CRLF to a read of its own.
it('ignores what follows the close delimiter when it arrives in a read of its own', async () => {
  const names: string[] = []
  for await (const part of multipartStream(streamOf(reads()), { boundary, maxFileSize: 1024 })) {
    names.push(`${part.filename}:${part.text}`)
  }
  expect(names).toEqual(['tide.txt:TIDE'])
})

it('is needed: the parser alone throws on that body', async () => {
  await expect(async () => {
    for await (const _ of parseMultipartStream(streamOf(reads()), { boundary })) {
      // reading
    }
  }).rejects.toThrow('Unexpected data after end of stream')
})
