import { MultipartParseError, MultipartParser } from '@mjackson/multipart-parser'

/**
 * The parts of a multipart body, as @mjackson/multipart-parser's parseMultipartStream reads
 * them, except that what follows the close delimiter (the epilogue, which RFC 2046 §5.1.1 says
 * to ignore) is ignored: the parser throws when it arrives in a later read, so whether a body
 * was accepted depended on where the network cut it (a final CRLF read on its own).
 */
export async function* multipartStream(
  stream: ReadableStream<Uint8Array>,
  options: { boundary: string; maxFileSize: number },
) {
  const parser = new MultipartParser(options.boundary, { maxFileSize: options.maxFileSize })
  let ended = false
  for await (const chunk of stream) {
    if (ended || chunk.length === 0) continue
    try {
      yield* parser.write(chunk)
    } catch (error) {
      // Thrown before anything of the chunk is read, and only once the close delimiter was.
      if (error instanceof MultipartParseError && /after end of stream/.test(error.message)) {
        ended = true
        continue
      }
      throw error
    }
  }
  parser.finish()
}
