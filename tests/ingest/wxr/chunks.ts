/** Ways to cut one text into the chunks a stream might deliver, and a runner that feeds them. */

export interface Splitter<E> {
  write(chunk: string): E[]
  end(): E[]
  readonly bufferedChars: number
}

export function cutEvery(text: string, size: number): string[] {
  const chunks: string[] = []
  for (let at = 0; at < text.length; at += size) chunks.push(text.slice(at, at + size))
  return chunks
}

/** `count` cut points drawn from a seeded generator: the same chunks on every run. */
export function cutRandomly(text: string, seed: number, count: number): string[] {
  let state = seed
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
  const points = Array.from({ length: count }, () => Math.floor(next() * text.length))
  const sorted = [0, ...new Set(points), text.length].sort((a, b) => a - b)
  return sorted.slice(1).map((end, i) => text.slice(sorted[i], end))
}

/** Every chunking the tests use: whole, 1 and 7 characters, a stream's 4 KiB, and random cuts. */
export function chunkings(text: string): [string, string[]][] {
  return [
    ['whole', [text]],
    ['1 character', cutEvery(text, 1)],
    ['7 characters', cutEvery(text, 7)],
    ['4,096 characters', cutEvery(text, 4096)],
    ['random cuts (seed 1)', cutRandomly(text, 1, 40)],
    ['random cuts (seed 2)', cutRandomly(text, 2, 400)],
  ]
}

/** Feeds the chunks in order: every event, and the most the splitter held between writes. */
export function run<E>(splitter: Splitter<E>, chunks: string[]): { events: E[]; held: number } {
  const events: E[] = []
  let held = 0
  for (const chunk of chunks) {
    events.push(...splitter.write(chunk))
    held = Math.max(held, splitter.bufferedChars)
  }
  events.push(...splitter.end())
  return { events, held }
}
